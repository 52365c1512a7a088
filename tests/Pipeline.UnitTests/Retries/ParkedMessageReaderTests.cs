using System.Text;
using Pipeline.Cli.Errors;
using Xunit;

namespace Pipeline.UnitTests.Retries;

public sealed class ParkedMessageReaderTests
{
    private static readonly Guid Run = Guid.Parse("5a0c1f6e-2d5b-4c8e-9a51-2f7f3b7f0d11");

    [Fact]
    public void The_key_comes_from_the_envelope_and_the_reason_from_the_fault_headers()
    {
        var body = $$$"""{"messageId":"x","messageType":["urn:message:Pipeline.Contracts:SolutionsGenerated"],"message":{"runId":"{{{Run}}}","problemId":"abc301_a","solutions":[{"sampleIndex":3,"code":"print(1)"},{"sampleIndex":4,"code":"print(2)"}]}}""";
        var headers = new Dictionary<string, object?>
        {
            ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("Pipeline.Grading.SandboxFaultException"),
            ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("worker died"),
            ["MT-Fault-RetryCount"] = 9,
        };

        var parked = ParkedMessageReader.Read("solutions-generated", Encoding.UTF8.GetBytes(body), headers);

        Assert.Equal(new ParkedMessage
        {
            Queue = "solutions-generated", MessageType = "SolutionsGenerated", RunId = Run, ProblemId = "abc301_a", Samples = "3-4",
            Reason = "SandboxFaultException: worker died", Retries = 9,
        }, parked);
    }

    [Fact]
    public void A_body_that_is_not_json_keeps_its_reason_and_says_so()
    {
        var headers = new Dictionary<string, object?>
        {
            ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("System.Text.Json.JsonReaderException"),
            ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("unexpected end"),
        };

        var parked = ParkedMessageReader.Read("solutions-graded", "{\"message\": {"u8, headers);

        Assert.Null(parked.RunId);
        Assert.Null(parked.MessageType);
        Assert.Equal("JsonReaderException: unexpected end [body is not a JSON envelope]", parked.Reason);
        Assert.Equal(0, parked.Retries);
    }

    [Fact]
    public void A_message_without_fault_headers_is_reported_as_such()
    {
        var parked = ParkedMessageReader.Read("q", """{"message":{"runId":"not a guid","sampleIndex":"2"}}"""u8, headers: null);

        Assert.Equal(("no reason recorded", null, null, null), (parked.Reason, parked.RunId, parked.Samples, parked.Retries));
    }

    [Theory]
    [InlineData("""{"message":{"sampleIndex":2}}""", "2")]
    [InlineData("""{"message":{"verdicts":[{"sampleIndex":0},{"sampleIndex":1},{"sampleIndex":2}]}}""", "0-2")]
    [InlineData("""{"message":{"solutions":[{"sampleIndex":7},{"sampleIndex":2},{"code":"no index"}]}}""", "7,2")]
    [InlineData("""{"message":{"solutions":"not a list"}}""", null)]
    public void The_samples_a_message_carries_are_listed_as_a_range_when_they_follow_each_other(string body, string? samples) =>
        Assert.Equal(samples, ParkedMessageReader.Read("q", Encoding.UTF8.GetBytes(body), headers: null).Samples);
}
