using System.Text;
using System.Text.Json;
using Pipeline.Core.Problems;
using Pipeline.Grading.Sandbox;

namespace Pipeline.UnitTests.Grading;

/// <summary>The suite goes to a worker once, by hash afterwards, and again when the worker says it lacks it.</summary>
public sealed class WorkerConversationTests
{
    private static readonly TestCase[] Tests = [new("1 2\n", "3\n", "stdin"), new("é\n", "x\n", "stdin")];

    [Fact]
    public async Task The_suite_travels_with_the_first_sample_only_and_again_when_the_worker_lacks_it()
    {
        var channel = new ScriptedChannel("""{"id": "a", "results": [1, 1], "metadata": {}}""",
            """{"id": "b", "results": [1, 1], "metadata": {}}""",
            """{"id": "c", "need_suite": true}""", """{"id": "c", "results": [-2], "metadata": {}}""");
        var conversation = new WorkerConversation(channel, "worker");

        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.False((await conversation.GradeAsync(Request(id), CancellationToken.None)).IsFault);
        }

        Assert.Equal([true, false, false, true], channel.Sent.Select(sent => sent.Layout is not null));
        Assert.Equal("1 2\né\n3\nx\n", channel.Sent[0].After);
        Assert.Equal([4, 3], channel.Sent[0].Layout!.Value.GetProperty("inputs").EnumerateArray().Select(size => size.GetInt32()));
        Assert.Equal("", channel.Sent[1].After);
        Assert.False(conversation.IsBroken);
    }

    [Fact]
    public void Suites_that_differ_only_in_where_tests_split_have_different_hashes()
    {
        var one = SuiteBytes.Of([new TestCase("ab", "c", "stdin")]);
        var two = SuiteBytes.Of([new TestCase("a", "bc", "stdin")]);
        Assert.Equal(one.Parts.SelectMany(part => part.ToArray()), two.Parts.SelectMany(part => part.ToArray()));
        Assert.NotEqual(one.Hash, two.Hash);
    }

    private static WorkerRequest Request(string id) => new() { Id = id, Code = "print(0)", Tests = Tests, TimeoutSeconds = 6 };

    /// <summary>Answers each request with the next scripted reply line and keeps what was sent.</summary>
    private sealed class ScriptedChannel(params string[] replies) : IWorkerChannel
    {
        private readonly Queue<string> _replies = new(replies);

        public List<(JsonElement? Layout, string After)> Sent { get; } = [];

        public string Diagnostics => "";

        public Task WriteAsync(IReadOnlyList<ReadOnlyMemory<byte>> parts, CancellationToken cancellationToken)
        {
            var bytes = parts.SelectMany(part => part.ToArray()).ToArray();
            var newline = Array.IndexOf(bytes, (byte)'\n');
            using var line = JsonDocument.Parse(bytes.AsMemory(0, newline));
            JsonElement? layout = line.RootElement.TryGetProperty("suite_layout", out var found) ? found.Clone() : null;
            Sent.Add((layout, Encoding.UTF8.GetString(bytes, newline + 1, bytes.Length - newline - 1)));
            return Task.CompletedTask;
        }

        public Task<string?> ReadLineAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(_replies.Dequeue());

        public void Dispose()
        {
        }
    }
}
