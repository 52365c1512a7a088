using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Pipeline.Generation.ModelClient;

/// <summary>
/// The model-server HttpClient: one resilience pipeline per server authority with, outside in, retries
/// (exponential backoff, jitter, Retry-After; on 429, 5xx, 408, timeouts and dropped connections), a
/// concurrency limit (so a waiting retry holds no slot) and a per-attempt timeout (a run's own, else the configured one).
/// </summary>
public static class ModelClientRegistration
{
    public const string HttpClientName = "model-server";

    public static IServiceCollection AddModelClient(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ModelServerOptions.Section).Get<ModelServerOptions>() ?? new ModelServerOptions();
        options.ApiKey ??= Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        return services.AddModelClient(options);
    }

    public static IServiceCollection AddModelClient(this IServiceCollection services, ModelServerOptions options)
    {
        services.AddSingleton(options);
        services.AddHttpClient(HttpClientName, http =>
            {
                // The resilience pipeline owns every time limit; HttpClient's own 100 s would cut retries short.
                http.Timeout = Timeout.InfiniteTimeSpan;
                if (!string.IsNullOrEmpty(options.ApiKey))
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                }
            })
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler(HttpClientName, pipeline =>
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.RetryMaxDelay,
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.MaxConcurrentRequestsPerServer,
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
                pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    Timeout = options.AttemptTimeout,
                    // A run may need longer (or shorter) requests than the configured default: its own limit rides on the request.
                    TimeoutGenerator = args => ValueTask.FromResult(RunTimeout(args.Context.GetRequestMessage()) ?? options.AttemptTimeout),
                });
            })
            .SelectPipelineByAuthority();
        services.AddSingleton<IModelClient, OpenAiModelClient>();
        return services;
    }

    private static TimeSpan? RunTimeout(HttpRequestMessage? request) =>
        request is not null && ((IDictionary<string, object?>)request.Options).TryGetValue(IOpenAiApi.RequestTimeoutOption, out var value) && value is TimeSpan timeout
            ? timeout
            : null;
}
