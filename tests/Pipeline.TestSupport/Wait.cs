namespace Pipeline.TestSupport;

/// <summary>The one way tests wait on real servers: ask until the answer is right, or fail with what was awaited and the last answer.</summary>
public static class Wait
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        var last = await ask();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} not reached in {within}; last: {last}");
            }
            await Task.Delay(Pause);
            last = await ask();
        }
        return last;
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what) =>
        UntilAsync(condition, holds => holds, within, what);

    public static Task UntilAsync(Func<bool> condition, TimeSpan within, string what) =>
        UntilAsync(() => Task.FromResult(condition()), holds => holds, within, what);
}
