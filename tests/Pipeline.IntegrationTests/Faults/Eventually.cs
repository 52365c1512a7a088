namespace Pipeline.IntegrationTests.Faults;

/// <summary>Polls a condition on real servers until it holds, or fails saying what was awaited.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {patience} for {what}");
            await Task.Delay(200);
        }
    }
}
