using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Pipeline.IntegrationTests.Operations;

/// <summary>Rendered deployment files (kubectl kustomize, docker-compose config) as JSON elements a test can walk.</summary>
public static class YamlDocuments
{
    public static IReadOnlyList<JsonElement> Parse(string yaml)
    {
        var reader = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<JsonElement>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = reader.Deserialize(parser);
            if (document is not null)
            {
                documents.Add(JsonDocument.Parse(json.Serialize(document)).RootElement.Clone());
            }
        }
        return documents;
    }

    /// <summary>The property at a dotted path, or null when any step is missing.</summary>
    public static JsonElement? At(this JsonElement element, string path)
    {
        foreach (var step in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return null;
            }
        }
        return element;
    }

    public static string? Text(this JsonElement element, string path) => element.At(path)?.ToString();
}
