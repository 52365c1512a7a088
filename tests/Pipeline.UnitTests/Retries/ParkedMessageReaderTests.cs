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
        var body = $$$"""{"messageId":"x","messageType":["urn:message:Pipeline.Contracts:SolutionGenerated"],"message":{"runId":"{{{Run}}}","problemId":"abc301_a","sampleIndex":3,"code":"print(1)"}}""";
        var headers = new Dictionary<string, object?>
        {
            ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("Pipeline.Grading.SandboxFaultException"),
            ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("worker died"),
            ["MT-Fault-RetryCount"] = 9,
        };

        var parked = ParkedMessageReader.Read("solution-generated", Encoding.UTF8.GetBytes(body), headers);

        Assert.Equal(new ParkedMessage
        {
            Queue = "solution-generated", MessageType = "SolutionGenerated", RunId = Run, ProblemId = "abc301_a", SampleIndex = 3,
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

        var parked = ParkedMessageReader.Read("solution-graded", "{\"message\": {"u8, headers);

        Assert.Null(parked.RunId);
        Assert.Null(parked.MessageType);
        Assert.Equal("JsonReaderException: unexpected end [body is not a JSON envelope]", parked.Reason);
        Assert.Equal(0, parked.Retries);
    }

    [Fact]
    public void A_message_without_fault_headers_is_reported_as_such()
    {
        var parked = ParkedMessageReader.Read("q", """{"message":{"runId":"not a guid","sampleIndex":"2"}}"""u8, headers: null);

        Assert.Equal(("no reason recorded", null, null, null), (parked.Reason, parked.RunId, parked.SampleIndex, parked.Retries));
    }
}
