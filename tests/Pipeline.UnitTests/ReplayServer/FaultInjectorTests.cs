using Pipeline.Replay.Faults;

namespace Pipeline.UnitTests.ReplayServer;

public sealed class FaultInjectorTests
{
    [Fact]
    public void Faults_come_at_about_their_configured_rates()
    {
        var injector = new FaultInjector(new FaultOptions
        {
            TooManyRequestsRate = 0.1, ServerErrorRate = 0.2, DropConnectionRate = 0.05, MalformedJsonRate = 0.15, Seed = 1,
        });
        for (var i = 0; i < 20_000; i++)
        {
            injector.Draw();
        }
        Assert.InRange(injector.Count(Fault.TooManyRequests), 1_800, 2_200);
        Assert.InRange(injector.Count(Fault.ServerError), 3_700, 4_300);
        Assert.InRange(injector.Count(Fault.DropConnection), 850, 1_150);
        Assert.InRange(injector.Count(Fault.MalformedJson), 2_700, 3_300);
        Assert.InRange(injector.Count(Fault.None), 9_500, 10_500);
    }

    [Fact]
    public void No_faults_by_default_and_options_can_change_while_running()
    {
        var injector = new FaultInjector(new FaultOptions());
        Assert.Equal(Fault.None, injector.Draw());
        injector.Set(new FaultOptions { ServerErrorRate = 1 });
        Assert.Equal(Fault.ServerError, injector.Draw());
    }

    [Theory]
    [InlineData(0.6, 0.6)]
    [InlineData(-0.1, 0)]
    public void Impossible_rates_are_refused(double tooMany, double serverError)
    {
        Assert.Throws<ArgumentException>(() => new FaultInjector(new FaultOptions { TooManyRequestsRate = tooMany, ServerErrorRate = serverError }));
    }

    [Fact]
    public void Failing_problems_are_matched_by_question_id_until_the_faults_are_set_again()
    {
        var injector = new FaultInjector(new FaultOptions { FailingProblems = "^(abc301_a|2876)$" });
        Assert.True(injector.Current.Fails("abc301_a"));
        Assert.False(injector.Current.Fails("abc301_ab"));
        injector.Set(new FaultOptions());
        Assert.False(injector.Current.Fails("abc301_a"));
    }

    [Fact]
    public void A_failing_problems_pattern_that_is_not_a_regular_expression_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new FaultInjector(new FaultOptions { FailingProblems = "abc(" }));
        Assert.StartsWith("FailingProblems is not a regular expression", error.Message);
    }
}
