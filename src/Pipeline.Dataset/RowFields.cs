using System.Text.Json;
using Pipeline.Core;

namespace Pipeline.Dataset;

/// <summary>
/// Reads a row's string fields for both row kinds (code generation and the prediction datasets), so every way a
/// field can be unusable becomes an <see cref="InvalidDataException"/>, which the reader reports as a bad row.
/// </summary>
internal static class RowFields
{
    /// <exception cref="InvalidDataException">the field is missing, not a string, or not text (an escaped lone surrogate).</exception>
    public static string Text(JsonElement row, string name) => JsonText.Of(TextElement(row, name), $"field '{name}'");

    /// <exception cref="InvalidDataException">the field is missing or not a string.</exception>
    public static JsonElement TextElement(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value
            : throw new InvalidDataException($"field '{name}' is missing or not a string");
}
