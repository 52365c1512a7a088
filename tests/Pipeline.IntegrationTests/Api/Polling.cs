namespace Pipeline.IntegrationTests.Api;

internal static class Polling
{
    /// <summary>Asks until the answer satisfies <paramref name="done"/>; fails with the last answer when time is up.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        var last = await ask();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what} not reached in {within}; last: {last}");
            }
            await Task.Delay(100);
            last = await ask();
        }
        return last;
    }
}
