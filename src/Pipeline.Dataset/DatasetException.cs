namespace Pipeline.Dataset;

/// <summary>The dataset as a whole cannot be read (missing or unreadable file, unknown release); no row is at fault.</summary>
public sealed class DatasetException(string message, Exception? inner = null) : Exception(message, inner);
