namespace Pipeline.Core.Stores;

/// <summary>A message names a problem the problem store lacks: ingestion has not run for it, or Redis lost it.</summary>
public sealed class ProblemNotFoundException(string message) : Exception(message);
