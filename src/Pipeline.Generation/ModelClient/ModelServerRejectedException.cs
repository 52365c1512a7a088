using System.Net;
using System.Text.Json;

namespace Pipeline.Generation.ModelClient;

/// <summary>
/// The model server refused the request for good (a 4xx other than 408, 409 and 429: unknown model, bad
/// request, missing key): asking again cannot help, so the message is parked at once with the server's own words.
/// </summary>
public sealed class ModelServerRejectedException(HttpStatusCode status, string serverMessage)
    : Exception($"model server answered {(int)status} ({status}): {serverMessage}")
{
    private const int MaxMessageLength = 500;

    public HttpStatusCode Status { get; } = status;

    public string ServerMessage { get; } = serverMessage;

    /// <summary>408 (timeout), 409 (conflict) and 429 (rate limit) may pass; every other 4xx will not.</summary>
    public static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests);

    /// <summary>The OpenAI error shape's error.message when the body has one, else the body itself, shortened.</summary>
    public static string ReadServerMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty body)";
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return Shorten(error.GetString()!);
                }
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String)
                {
                    return Shorten(message.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
            // not JSON: the text itself is the message
        }
        return Shorten(body.Trim());
    }

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}
