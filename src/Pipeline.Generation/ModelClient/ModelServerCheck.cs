using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Pipeline.Generation.ModelClient;

/// <summary>
/// Asks a model server's /v1/models once, without retries, before any work is started: a dead URL or a model the
/// server does not serve is refused in seconds with one clear line, instead of failing every request minutes later.
/// </summary>
public static class ModelServerCheck
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <returns>null when the server answers and lists <paramref name="model"/>; otherwise what is wrong, in one line.</returns>
    public static async Task<ModelServerProblem?> CheckAsync(
        string baseUrl, string model, string? apiKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Uri server;
        try
        {
            server = OpenAiModelClient.ServerAddress(baseUrl);
        }
        catch (ArgumentException error)
        {
            return new ModelServerProblem(error.Message, Reachable: false);
        }
        using var http = new HttpClient { Timeout = timeout };
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        var models = new Uri(server, "v1/models");
        try
        {
            using var response = await http.GetAsync(models, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return new ModelServerProblem(
                    $"model server {models} answered {(int)response.StatusCode} ({response.StatusCode}): {ModelServerRejectedException.ReadServerMessage(body)}",
                    Reachable: true);
            }
            var listed = (await response.Content.ReadFromJsonAsync<ModelList>(cancellationToken))?.Data.Select(m => m.Id).ToList() ?? [];
            return listed.Contains(model, StringComparer.Ordinal)
                ? null
                : new ModelServerProblem(
                    $"model '{model}' is not listed by {models} (it lists {(listed.Count == 0 ? "none" : string.Join(", ", listed.Take(10).Select(id => $"'{id}'")))})",
                    Reachable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ModelServerProblem($"model server {models} did not answer within {timeout.TotalSeconds:0} s", Reachable: false);
        }
        catch (HttpRequestException error)
        {
            return new ModelServerProblem($"model server {models} does not answer: {error.InnerException?.Message ?? error.Message}", Reachable: false);
        }
        catch (System.Text.Json.JsonException)
        {
            return new ModelServerProblem($"{models} did not answer with an OpenAI model list: is {baseUrl} a model server?", Reachable: true);
        }
    }
}

/// <summary>Why a model server cannot be used; <see cref="Reachable"/> false when it did not answer at all.</summary>
public sealed record ModelServerProblem(string Message, bool Reachable);
