namespace Pipeline.Replay.Recordings;

/// <summary>One problem of an _eval_all recording: how to recognise it and what the model answered.</summary>
public sealed record RecordedProblem(string QuestionId, string QuestionTitle, string QuestionContent, IReadOnlyList<string> Outputs);
