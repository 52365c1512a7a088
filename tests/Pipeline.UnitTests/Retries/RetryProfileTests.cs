using Microsoft.Extensions.Configuration;
using Pipeline.Hosting.Retries;
using Xunit;

namespace Pipeline.UnitTests.Retries;

public sealed class RetryProfileTests
{
    [Fact]
    public void Immediate_retries_come_first_then_pauses_double_up_to_the_cap()
    {
        var profile = new RetryProfile
        {
            Immediate = 2, Exponential = 5, MinInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(5),
        };

        Assert.Equal(
            new[] { 0, 0, 1, 2, 4, 5, 5 }.Select(seconds => TimeSpan.FromSeconds(seconds)),
            profile.Intervals());
        Assert.Equal(TimeSpan.FromSeconds(17), profile.Budget());
    }

    [Fact]
    public void The_store_schedule_outlasts_a_ten_second_restart_with_room_for_reconnecting()
    {
        Assert.True(new RetryOptions().Stores.Budget() >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void An_inconsistent_profile_is_refused_with_its_values()
    {
        var profile = new RetryProfile { Exponential = 1, MinInterval = TimeSpan.FromSeconds(2), MaxInterval = TimeSpan.FromSeconds(1) };

        var error = Assert.Throws<ArgumentException>(() => profile.Intervals());
        Assert.Contains("MaxInterval=00:00:01", error.Message);
    }

    [Fact]
    public void Configuration_overrides_one_value_and_keeps_the_other_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Retry:ModelServer:Exponential"] = "0" })
            .Build();

        var options = configuration.GetSection(RetryOptions.Section).Get<RetryOptions>()!;

        Assert.Equal(0, options.ModelServer.Exponential);
        Assert.Equal(new RetryOptions().ModelServer.MinInterval, options.ModelServer.MinInterval);
        Assert.Equal(new RetryOptions().Stores.Intervals(), options.Stores.Intervals());
    }
}
