using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Api;

/// <summary>What GET /api/v1/drafts/{id} returns.</summary>
public sealed record DraftView
{
    public required Guid Id { get; init; }
    public required int Revision { get; init; }
    public required DraftStatus Status { get; init; }
    public Decision? Decision { get; init; }
    public required ReviewState ReviewState { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<ImageView> Images { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public DateTimeOffset? EarliestPublishAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static DraftView From(DraftRecord draft, DraftRevision revision, StoredDecision? decision) => new()
    {
        Id = draft.Id,
        Revision = draft.Revision,
        Status = draft.Status,
        Decision = draft.Decision,
        ReviewState = draft.ReviewState,
        Findings = decision?.Findings ?? [],
        Images = [.. revision.Images.Select(image => ImageView.From(draft.Id, image, decision?.Images.FirstOrDefault(r => r.Index == image.Position)))],
        Text = revision.Text,
        Channels = revision.Channels,
        PublishAt = revision.PublishAt,
        CommentsEnabled = revision.CommentsEnabled,
        EarliestPublishAt = draft.EarliestPublishAt,
        DecidedAt = decision?.DecidedAt,
        CreatedAt = draft.CreatedAt,
    };

    /// <summary>
    /// One photo or clip: what its analysis found (null fields before the decision) and its tags, each with the face it is
    /// bound to in that analysis. A clip's faces are its face tracks, each with the time and picture of its best frame.
    /// </summary>
    public sealed record ImageView
    {
        public required int Index { get; init; }
        public required string FileName { get; init; }
        /// <summary>"photo" or "clip".</summary>
        public required string Kind { get; init; }
        public double? DurationSeconds { get; init; }
        public string? Format { get; init; }
        public int Width { get; init; }
        public int Height { get; init; }
        public required IReadOnlyList<FaceView> Faces { get; init; }
        public required IReadOnlyList<TagView> Tags { get; init; }
        public double? GpsLatitude { get; init; }
        public double? GpsLongitude { get; init; }
        public DateTimeOffset? CapturedAt { get; init; }
        /// <summary>The lines of words read in the photo, each with its confidence, its box and each word's box.</summary>
        public IReadOnlyList<TextLineReport> TextLines { get; init; } = [];
        public string? Error { get; init; }

        public static ImageView From(Guid draftId, StoredImage image, ImageReport? report)
        {
            var faces = report?.Faces ?? [];
            var resolved = FaceBindings.Resolve(faces, image.Tags);
            return new ImageView
            {
                Index = image.Position,
                FileName = image.FileName,
                Kind = ClipSniffing.IsClip(image.ContentType) ? "clip" : "photo",
                DurationSeconds = report?.DurationSeconds,
                Format = report?.Format,
                Width = report?.Width ?? 0,
                Height = report?.Height ?? 0,
                Faces = [.. faces.Select((f, i) => new FaceView(i, f.Box, f.Score, f.Identifiable, resolved.TagOn(i)?.PersonId)
                {
                    Track = f.Track is { } t ? new TrackView(t.Seconds, t.FirstSeconds, t.LastSeconds, $"/api/v1/drafts/{draftId}/images/{image.Position}/faces/{i}/frame") : null,
                })],
                Tags = [.. image.Tags.Select(t => new TagView(t.PersonId, t.Placement switch
                {
                    TagPlacement.Face => "face",
                    TagPlacement.NotVisible => "not-visible",
                    _ => "unplaced",
                }, report is null ? t.FaceIndex : resolved.ByFace.Where(b => b.Value == t).Select(b => (int?)b.Key).FirstOrDefault()))],
                GpsLatitude = report?.GpsLatitude,
                GpsLongitude = report?.GpsLongitude,
                CapturedAt = report?.CapturedAt,
                TextLines = report?.TextLines ?? [],
                Error = report?.Error,
            };
        }
    }

    /// <param name="Person">The person bound to this face, if any.</param>
    public sealed record FaceView(int Index, FaceBox Box, double Score, bool Identifiable, Guid? Person)
    {
        /// <summary>For a clip's face track: when it is seen and its best frame (the box is on that frame).</summary>
        public TrackView? Track { get; init; }
    }

    /// <param name="Seconds">The time of the best frame, which <paramref name="Frame"/> shows (JPEG, the box drawn on it by the client).</param>
    /// <param name="FirstSeconds">The first analysed frame the face is seen on.</param>
    /// <param name="LastSeconds">The last analysed frame the face is seen on.</param>
    public sealed record TrackView(double Seconds, double FirstSeconds, double LastSeconds, string Frame);

    /// <param name="Face">The face the tag is bound to in this analysis (before it: the index it named); null when unplaced, not visible or not matched.</param>
    public sealed record TagView(Guid Person, string Placement, int? Face);
}
