namespace PostGuard.Core.Submissions;

/// <summary>A draft as the uploader submits it, before validation.</summary>
public sealed record NewDraft
{
    public string? Text { get; init; }
    public IReadOnlyList<string>? Channels { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public IReadOnlyList<NewDraftImage> Images { get; init; } = [];
}

/// <summary>One uploaded photo and the ids of the people the uploader says are in it.</summary>
public sealed record NewDraftImage(string FileName, string ContentType, ReadOnlyMemory<byte> Content, IReadOnlyList<string> Tags);
