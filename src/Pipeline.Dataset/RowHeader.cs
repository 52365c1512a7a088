using System.Globalization;
using System.Text.Json;
using Pipeline.Core;
using Pipeline.Core.Problems;

namespace Pipeline.Dataset;

/// <summary>
/// A row's fields as released, checked as the official <c>CodeGenerationProblem</c> checks them
/// (platform and difficulty enums, ISO contest date, metadata a JSON object), tests still encoded.
/// Reading it is cheap, so selection happens before the costly test decoding; <see cref="Problem"/>
/// lacks only what the decoded tests give (suite hash and counts). The two test fields stay elements of the row's
/// document (valid while it is), decoded only for a selected row.
/// </summary>
public sealed record RowHeader(Problem Problem, JsonElement PublicTestCases, JsonElement PrivateTestCases)
{
    /// <exception cref="InvalidDataException">a field is missing, not a string, or outside the official values.</exception>
    public static RowHeader Read(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"row is JSON {row.ValueKind}, not an object");
        }
        var metadata = RowFields.Text(row, "metadata");
        var problem = new Problem
        {
            QuestionId = RowFields.Text(row, "question_id"),
            QuestionTitle = RowFields.Text(row, "question_title"),
            QuestionContent = RowFields.Text(row, "question_content"),
            Platform = OneOf(row, "platform", LcbValues.Platforms),
            ContestId = RowFields.Text(row, "contest_id"),
            ContestDate = IsoDate(row),
            StarterCode = RowFields.Text(row, "starter_code"),
            Difficulty = OneOf(row, "difficulty", LcbValues.Difficulties),
            Metadata = metadata,
            FuncName = FuncNameOf(metadata),
            SuiteHash = "",
            PublicTests = 0,
            PrivateTests = 0,
        };
        return new RowHeader(problem, RowFields.TextElement(row, "public_test_cases"), RowFields.TextElement(row, "private_test_cases"));
    }

    private static string OneOf(JsonElement row, string name, IReadOnlySet<string> allowed)
    {
        var value = RowFields.Text(row, name);
        return allowed.Contains(value)
            ? value
            : throw new InvalidDataException($"unknown {name} '{value}' (expected {string.Join(", ", allowed)})");
    }

    private static DateTime IsoDate(JsonElement row)
    {
        var text = RowFields.Text(row, "contest_date");
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? date
            : throw new InvalidDataException($"contest_date '{text}' is not an ISO date");
    }

    /// <summary><c>metadata.func_name</c>: present means a call-based problem, absent means stdin/stdout.</summary>
    private static string? FuncNameOf(string metadata)
    {
        try
        {
            using var document = JsonDocument.Parse(metadata);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"metadata is JSON {document.RootElement.ValueKind}, not an object");
            }
            return document.RootElement.TryGetProperty("func_name", out var name) && name.ValueKind == JsonValueKind.String
                ? JsonText.Of(name, "metadata.func_name")
                : null;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"metadata is not valid JSON: {exception.Message}");
        }
    }
}
