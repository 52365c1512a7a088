using MassTransit;

namespace Pipeline.Runs.Consumers;

/// <summary>"ExceptionType: message" of a fault's first exception, as `lcb errors` shows it.</summary>
internal static class FaultReason
{
    public static string Of(Fault fault) => fault.Exceptions.FirstOrDefault() is { } error
        ? $"{error.ExceptionType[(error.ExceptionType.LastIndexOf('.') + 1)..]}: {error.Message}"
        : "no reason recorded";
}
