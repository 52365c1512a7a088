namespace Pipeline.Dataset.Ingest;

/// <summary>Where the LCB dataset lies: a code_generation_lite directory (test.jsonl … testN.jsonl) or one .jsonl file.</summary>
public sealed class DatasetOptions
{
    public const string Section = "Dataset";

    public string Source { get; set; } = "";
}
