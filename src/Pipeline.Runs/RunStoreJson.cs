using System.Text.Json;

namespace Pipeline.Runs;

/// <summary>The one JSON shape run state is stored in, so every reader and writer agrees.</summary>
internal static class RunStoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is null");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"stored {typeof(T).Name} is unreadable: {error.Message}", error);
        }
    }
}
