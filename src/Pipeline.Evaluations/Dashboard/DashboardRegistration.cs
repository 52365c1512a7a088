using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pipeline.Evaluations.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The dashboard's queries and the report builder; needs the run store, the ledger and the problem store registered.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.TryAddSingleton<EvaluationQueries>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<ReportBuilder>();
        return services;
    }
}
