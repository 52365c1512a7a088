using System.Text.Json;

namespace Pipeline.Cli;

/// <summary>
/// The last line of defence: whatever a command did not turn into a message itself becomes one line on stderr and
/// an exit code, never a stack trace.
/// </summary>
public static class ErrorLine
{
    public static int Report(Exception error, TextWriter stderr)
    {
        if (error is OperationCanceledException)
        {
            stderr.WriteLine("interrupted");
            return ExitCodes.Interrupted;
        }
        stderr.WriteLine($"error: {Describe(error)}");
        return IsBadInput(error) ? ExitCodes.BadInput : ExitCodes.Failed;
    }

    /// <summary>The outer message, then each inner cause that adds something: "An error occurred sending the request: Connection refused (127.0.0.1:9)".</summary>
    public static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            var message = cause.Message.Trim();
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message.TrimEnd('.'));
            }
        }
        return string.Join(": ", messages);
    }

    private static bool IsBadInput(Exception error) =>
        error is ArgumentException or FormatException or InvalidDataException or JsonException;
}
