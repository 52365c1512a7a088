using System.Reflection;
using MassTransit;

namespace Pipeline.UnitTests.Layout;

/// <summary>
/// The consumer convention (docs/decisions/014): each consumer in its own file named after it, and its definition,
/// if it has one, named after it with "Definition" in a file beside it. Checked on the built libraries and the
/// source tree, because an .editorconfig cannot say where a type lives.
/// </summary>
public sealed class ConsumerLayoutTests
{
    private static readonly string Sources = Path.Combine(Repository.Root, "src");

    [Fact]
    public void Every_consumer_has_its_own_file()
    {
        var consumers = ConsumerTypes().ToList();

        Assert.NotEmpty(consumers);
        Assert.Empty(consumers.Where(consumer => SourceFile(consumer.Name) is null).Select(consumer => consumer.FullName));
    }

    [Fact]
    public void Every_consumer_definition_is_named_after_its_consumer_and_lies_beside_it()
    {
        var definitions = DefinitionTypes().ToList();

        Assert.NotEmpty(definitions);
        Assert.Empty(definitions
            .Where(definition => !Beside(definition.Definition, definition.Consumer))
            .Select(definition => $"{definition.Definition.FullName} (for {definition.Consumer.Name}): expected {definition.Consumer.Name}Definition.cs beside {definition.Consumer.Name}.cs"));
    }

    private static bool Beside(Type definition, Type consumer) =>
        definition.Name == consumer.Name + "Definition"
        && SourceFile(definition.Name) is { } definitionFile
        && SourceFile(consumer.Name) is { } consumerFile
        && Path.GetDirectoryName(definitionFile) == Path.GetDirectoryName(consumerFile);

    private static string? SourceFile(string typeName) =>
        Directory.EnumerateFiles(Sources, typeName + ".cs", SearchOption.AllDirectories).SingleOrDefault();

    private static IEnumerable<Type> ConsumerTypes() => PipelineTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IConsumer).IsAssignableFrom(type));

    private static IEnumerable<(Type Definition, Type Consumer)> DefinitionTypes() => PipelineTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false })
        .Select(type => (Definition: type, Consumer: DefinedConsumer(type)))
        .Where(pair => pair.Consumer is not null)
        .Select(pair => (pair.Definition, pair.Consumer!));

    private static Type? DefinedConsumer(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(ConsumerDefinition<>))
            {
                return current.GetGenericArguments()[0];
            }
        }
        return null;
    }

    /// <summary>Every Pipeline library built beside the tests (the hosts are not referenced, and hold no consumer).</summary>
    private static IEnumerable<Type> PipelineTypes() => Directory
        .EnumerateFiles(AppContext.BaseDirectory, "Pipeline.*.dll")
        .Where(path => !Path.GetFileName(path).StartsWith("Pipeline.UnitTests", StringComparison.Ordinal))
        .Select(path => Assembly.LoadFrom(path))
        .SelectMany(assembly => assembly.GetTypes());
}
