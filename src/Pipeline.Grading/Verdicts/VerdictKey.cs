using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Grading.Verdicts;

/// <summary>
/// Everything a verdict depends on: the tests (suite hash), the exact code, the grader that ran it and the
/// per-test timeout. Run, problem id, sample index and model are left out on purpose: the same code graded on
/// the same suite gets the same verdict whichever run, model or sample produced it.
/// </summary>
public sealed record VerdictKey(string SuiteHash, string CodeHash, string GraderVersion, double TimeoutSeconds)
{
    public static VerdictKey For(string suiteHash, string code, string graderVersion, double timeoutSeconds) =>
        new(suiteHash, CodeHashOf(code), graderVersion, timeoutSeconds);

    /// <summary>
    /// SHA-256 of the code's UTF-16 code units: exact even for strings UTF-8 cannot encode (a lone surrogate
    /// would become U+FFFD, so two different codes would share a hash).
    /// </summary>
    public static string CodeHashOf(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(code.AsSpan())));

    /// <summary>A fixed-length id of the whole key; the timeout in its round-trip form, so 6 and 6.0 are one key and 6.5 another.</summary>
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{SuiteHash}\n{CodeHash}\n{GraderVersion}\n{TimeoutSeconds.ToString("R", CultureInfo.InvariantCulture)}")));
}
