using System.Text.Json;

namespace Pipeline.Core;

/// <summary>
/// A JSON string as a .NET string. Valid JSON can escape half of a surrogate pair ("\ud800", which Python's json.dumps
/// writes for such a str); it has no UTF-16 string, and <see cref="JsonElement.GetString"/> throws
/// <see cref="InvalidOperationException"/>, which no reader of outside data expects. Here it is bad data, said so.
/// </summary>
public static class JsonText
{
    /// <param name="what">names the value in the error, e.g. "field 'question_id'"</param>
    /// <exception cref="InvalidDataException">the value escapes a lone surrogate.</exception>
    public static string Of(JsonElement value, string what)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidDataException($"{what} is not text: {exception.Message}");
        }
    }
}
