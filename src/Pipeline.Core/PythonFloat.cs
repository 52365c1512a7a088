using System.Globalization;

namespace Pipeline.Core;

/// <summary>A float as Python writes it (repr, json.dump): shortest round-trip digits, and always a point or exponent (1.0, not 1).</summary>
public static class PythonFloat
{
    public static string Repr(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }
}
