namespace PostGuard.Server.Api;

/// <summary>The JSON of the multipart part "draft".</summary>
public sealed record DraftRequest
{
    public string? Text { get; init; }
    public List<string>? Channels { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public List<DraftImageRequest>? Images { get; init; }
}

public sealed record DraftImageRequest
{
    public string? File { get; init; }
    public List<string>? Tags { get; init; }
}

/// <summary>Body of approve and reject.</summary>
public sealed record ReviewActionRequest
{
    public string? Reason { get; init; }
    /// <summary>Approve only: the earliest time the post may go out (e.g. after a trip has ended).</summary>
    public DateTimeOffset? EarliestPublishAt { get; init; }
}
