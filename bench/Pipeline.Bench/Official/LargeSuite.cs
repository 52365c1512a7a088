using System.Text;
using System.Text.Json;

namespace Pipeline.Bench.Official;

/// <summary>
/// One generated stdin problem whose suite is as large as LCB's private tests of many AtCoder and Codeforces
/// problems: <c>tests</c> tests (one small public, the rest private) holding <c>megabytes</c> of input in all,
/// each a count and a line of numbers, and <c>samples</c> copies of a correct program that prints their sum.
/// </summary>
internal static class LargeSuite
{
    private const string Program = "def main():\n    n = int(input())\n    numbers = list(map(int, input().split()))\n    print(sum(numbers) % 1000000007)\n\nmain()\n";

    public static BenchSet Write(string folder, int megabytes, int tests, int samples)
    {
        var random = new Random(megabytes);
        var perTest = (long)megabytes * 1_000_000 / (tests - 1);
        var cases = new List<object> { Case(random, 100) };
        var privateCases = Enumerable.Range(0, tests - 1).Select(_ => Case(random, perTest)).ToList();
        var id = $"large_{megabytes}mb";
        var problems = Path.Combine(folder, $"{id}.problems.jsonl");
        File.WriteAllText(problems, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["question_title"] = id, ["question_content"] = "sum of numbers", ["platform"] = "atcoder", ["question_id"] = id,
            ["contest_id"] = "bench", ["contest_date"] = "2024-01-01T00:00:00", ["starter_code"] = "", ["difficulty"] = "easy",
            ["public_test_cases"] = JsonSerializer.Serialize(cases), ["private_test_cases"] = JsonSerializer.Serialize(privateCases),
            ["metadata"] = "{}",
        }) + "\n");
        return BenchSet.Write(folder, id, problems, new Dictionary<string, List<string>> { [id] = [.. Enumerable.Repeat(Program, samples)] });
    }

    private static object Case(Random random, long bytes)
    {
        var line = new StringBuilder((int)Math.Min(bytes + 16, int.MaxValue));
        long count = 0, sum = 0;
        while (line.Length < bytes)
        {
            var number = random.Next(100_000_000, 999_999_999);
            line.Append(count == 0 ? "" : " ").Append(number);
            count++;
            sum = (sum + number) % 1_000_000_007;
        }
        return new { input = $"{count}\n{line}\n", output = $"{sum}\n", testtype = "stdin" };
    }
}
