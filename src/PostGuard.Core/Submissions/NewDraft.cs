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

/// <summary>One uploaded photo and the people the uploader says are in it, each placed on a face or not.</summary>
public sealed record NewDraftImage(string FileName, string ContentType, ReadOnlyMemory<byte> Content, IReadOnlyList<NewTag> Tags);

/// <summary>
/// A tag as submitted, before validation: a person id, and where the person is (API: a plain id is
/// <see cref="TagPlacement.Unplaced"/>; <c>{"person": ID, "face": N}</c> binds face N of the photo's
/// analysis; <c>{"person": ID, "face": null}</c> says the face is not visible).
/// </summary>
public sealed record NewTag(string? Person, TagPlacement Placement, int? Face = null)
{
    public static NewTag Plain(string? person) => new(person, TagPlacement.Unplaced);
}
