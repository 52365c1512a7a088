using Pipeline.Generation.Extraction;
using Pipeline.Generation.Prompts;

namespace Pipeline.UnitTests.Generator;

public sealed class CodeExtractorTests
{
    [Fact]
    public void Chat_style_takes_the_last_fenced_block()
    {
        var output = "First try:\n```python\nprint(1)\n```\nBetter:\n```python\nx = 2\nprint(x)\n```\nDone.";
        Assert.Equal("x = 2\nprint(x)", CodeExtractor.Extract(output, PromptStyle.OpenAIChat));
    }

    [Theory]
    [InlineData("print(1)")]
    [InlineData("```python\nprint(1)")]
    [InlineData("")]
    public void Chat_style_gives_empty_code_with_fewer_than_two_fence_lines(string output)
    {
        Assert.Equal("", CodeExtractor.Extract(output, PromptStyle.OpenAIChat));
    }

    [Fact]
    public void A_fence_anywhere_in_a_line_counts_and_carriage_returns_stay()
    {
        var output = "text ```python\r\na = 1\r\nend``` here";
        Assert.Equal("a = 1\r", CodeExtractor.Extract(output, PromptStyle.OpenAIChat));
    }

    [Fact]
    public void Base_style_strips_what_python_strips()
    {
        Assert.Equal("x = 1\n\nprint(x)", CodeExtractor.Extract("\u001c \n x = 1\n\nprint(x)\u3000\t\n", PromptStyle.GenericBase));
    }
}
