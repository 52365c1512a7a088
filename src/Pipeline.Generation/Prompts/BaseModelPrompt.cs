using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Pipeline.Generation.Prompts;

/// <summary>
/// The official base-model prompt: one solved example (call-based when the problem has starter code,
/// stdin otherwise; the first of the official few-shot files) followed by the problem with an empty answer.
/// </summary>
public static class BaseModelPrompt
{
    private static readonly FewShotExample CallBasedExample = Load("FewShot.func.json");
    private static readonly FewShotExample StdinExample = Load("FewShot.stdin.json");

    public static string Build(string questionContent, string starterCode)
    {
        var withStarter = starterCode.Length > 0;
        var example = withStarter ? CallBasedExample : StdinExample;
        var prompt = new StringBuilder();
        Append(prompt, example.Question, example.SampleCode, example.Answer, withStarter);
        Append(prompt, questionContent, starterCode, "", withStarter);
        return prompt.ToString();
    }

    private static void Append(StringBuilder prompt, string question, string sampleCode, string answer, bool withStarter)
    {
        prompt.Append("### Question\n").Append(question).Append("\n\n");
        if (withStarter)
        {
            prompt.Append("### Starter Code\n").Append(sampleCode).Append("\n\n");
        }
        prompt.Append("### Answer\n\n").Append(answer);
        if (answer.Length > 0)
        {
            prompt.Append("\n\n");
        }
    }

    private static FewShotExample Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded few-shot example {resource} is missing");
        var json = JsonDocument.Parse(stream).RootElement;
        return new FewShotExample(
            json.GetProperty("question").GetString()!,
            json.TryGetProperty("sample_code", out var code) ? code.GetString()! : "",
            json.GetProperty("answer").GetString()!);
    }

    private sealed record FewShotExample(string Question, string SampleCode, string Answer);
}
