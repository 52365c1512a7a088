using MassTransit;

namespace Pipeline.Hosting;

/// <summary>
/// How every Pipeline bus names a consumer's queue (kebab case: SolutionsGeneratedConsumer reads "solutions-generated"),
/// so the tools and tests that look at queues name them from the consumer types, never from a list of strings.
/// </summary>
public static class EndpointNames
{
    public static IEndpointNameFormatter Formatter => KebabCaseEndpointNameFormatter.Instance;

    public static string Of<TConsumer>() where TConsumer : class, IConsumer => Formatter.Consumer<TConsumer>();
}
