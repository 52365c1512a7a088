namespace Pipeline.Runs.Scoring;

/// <summary>A contest-date window, inclusive at both ends as the official runner's filters; open ends allowed.</summary>
public sealed record DateWindow(DateOnly? Start, DateOnly? End)
{
    public static readonly DateWindow All = new(null, null);

    public bool Contains(DateTime contestDate)
    {
        var day = DateOnly.FromDateTime(contestDate);
        return (Start is null || day >= Start) && (End is null || day <= End);
    }
}
