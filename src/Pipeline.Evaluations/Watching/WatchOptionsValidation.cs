using Microsoft.Extensions.Options;

namespace Pipeline.Evaluations.Watching;

/// <summary>
/// The API host's watcher settings (section Watch), checked as the host starts (ValidateOnStart): a setting the watcher
/// cannot use stops the host with one line naming it (<c>Watch:Scenario: …</c>), rather than every run failing later.
/// </summary>
public sealed class WatchOptionsValidation : IValidateOptions<WatchOptions>
{
    public ValidateOptionsResult Validate(string? name, WatchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = options.Problems()
            .Select(problem => $"{WatchOptions.Section}:{char.ToUpperInvariant(problem.Key[0])}{problem.Key[1..]}: {string.Join(", ", problem.Value)}")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
