using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Pipeline.Runs.Published;

namespace Pipeline.Evaluations.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The dashboard's queries and the report builder; needs the run store, the ledger and the problem store registered.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.TryAddSingleton<EvaluationQueries>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPublishedScoreStore, InMemoryPublishedScoreStore>();
        services.TryAddSingleton(provider => new PublishedScores(provider.GetRequiredService<IPublishedScoreStore>(),
            provider.GetService<IConfiguration>()?.GetSection(PublishedScores.Section).Get<List<PublishedScore>>() ?? []));
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<ReportBuilder>();
        return services;
    }
}
