using PostGuard.Core.Checks.Images;
using PostGuard.Core.People;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Checks;

/// <summary>Everything a check may look at: the draft's content, the school's policy and register, and the inspected images.</summary>
public sealed record DraftUnderCheck
{
    public required string Text { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    /// <summary>When the post is meant to go out; null means "as soon as approved" (read as the analysis time).</summary>
    public DateTimeOffset? PublishAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public IReadOnlyList<ImageUnderCheck> Images { get; init; } = [];
    public required SchoolPolicy Policy { get; init; }
    public PeopleRegister People { get; init; } = PeopleRegister.Empty;
    /// <summary>The moment the analysis runs (from the injected TimeProvider).</summary>
    public required DateTimeOffset AnalysedAt { get; init; }

    public DateTimeOffset EffectivePublishAt => PublishAt ?? AnalysedAt;

    /// <summary>A stored revision as the checks see it, with its images (original or redacted).</summary>
    public static DraftUnderCheck For(Submissions.DraftRevision revision, IReadOnlyList<ImageUnderCheck> images, SchoolPolicy policy, PeopleRegister people, DateTimeOffset analysedAt) => new()
    {
        Text = revision.Text,
        Channels = revision.Channels,
        PublishAt = revision.PublishAt,
        CommentsEnabled = revision.CommentsEnabled,
        Images = images,
        Policy = policy,
        People = people,
        AnalysedAt = analysedAt,
    };

    /// <summary>The publish date in the school's time zone: the date consent must be valid on.</summary>
    public DateOnly PublishDate =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(EffectivePublishAt, TimeZoneInfo.FindSystemTimeZoneById(Policy.TimeZone)).DateTime);
}

/// <summary>One image of a draft with the people the uploader tagged (each bound to a face, or not) and what the inspection found.</summary>
public sealed record ImageUnderCheck
{
    public required int Index { get; init; }
    public required string FileName { get; init; }
    public required ReadOnlyMemory<byte> Content { get; init; }
    public IReadOnlyList<Submissions.PhotoTag> Tags { get; init; } = [];
    /// <summary>Set by the analyser before checks run: faces and metadata, or why the image could not be read.</summary>
    public ImageReport? Report { get; init; }

    /// <summary>How findings and pages name this file: "Photo 2" or "Clip 2" (a clip by its inspection, else by its bytes).</summary>
    public string Label =>
        $"{((Report?.IsClip ?? Submissions.ClipSniffing.Sniff(Content.Span) is not null) ? "Clip" : "Photo")} {Index + 1}";
}
