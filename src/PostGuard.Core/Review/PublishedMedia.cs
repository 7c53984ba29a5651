using System.Text.Json.Nodes;
using PostGuard.Core.Audit;
using PostGuard.Core.Blobs;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Vision;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Video;

namespace PostGuard.Core.Review;

/// <summary>
/// The media an approved post carries: each photo of the approved revision re-encoded as a JPEG with
/// no metadata at all (no EXIF, GPS, XMP or ICC; orientation applied), and each clip re-muxed with every
/// metadata atom removed (no location, creation time, encoder or camera tags; MP4, or WebM for WebM), faces
/// blurred already where the approver chose the redacted version. Nothing else is ever handed out for
/// publishing: not before approval, not before the earliest publish time the approver set (a trip's photos
/// only after the trip), not after a takedown, and never the original bytes. Every copy is audited.
/// </summary>
public sealed class PublishedMedia(Database database, DraftStore drafts, BlobStore blobs, Lazy<ImageInspector> inspector, ClipWriter clips, AuditTrail audit, TimeProvider time)
{
    public sealed record Media(string FileName, string ContentType, byte[] Content);

    public async Task<Media> GetAsync(StaffUser user, Guid draftId, int position, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(user.SchoolId, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        if (draft.ReviewState is not (ReviewState.Approved or ReviewState.AutoApproved))
        {
            throw new ReviewConflictException(
                $"Only an approved draft's media can be published; revision {draft.Revision} is {(draft.ReviewState == ReviewState.None ? "not decided yet" : draft.ReviewState.ToString().ToLowerInvariant())}.");
        }
        if (draft.EarliestPublishAt is { } earliest && earliest > time.GetUtcNow())
        {
            throw new MediaNotYetPublishableException(earliest);
        }
        var revision = await drafts.FindRevisionAsync(draftId, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var image = revision.Images.FirstOrDefault(i => i.Position == position)
            ?? throw new MediaNotFoundException($"Revision {draft.Revision} of draft {draftId} has no photo at position {position}.");
        var original = await blobs.ReadAsync(image, cancellationToken);
        Media copy;
        try
        {
            copy = ClipSniffing.IsClip(image.ContentType)
                ? CleanClip(image.FileName, original, await clips.WriteCleanCopyAsync(original, cancellationToken))
                : new Media(Path.ChangeExtension(image.FileName, ".jpg"), "image/jpeg", inspector.Value.Redact(original, []));
        }
        catch (ImageRejectedException e)
        {
            throw new ReviewConflictException($"'{image.FileName}' cannot be re-encoded without its metadata ({e.Message}), so PostGuard will not hand it out for publishing.");
        }
        catch (ClipRejectedException e)
        {
            throw new ReviewConflictException($"'{image.FileName}' cannot be re-muxed without its metadata ({e.Message}), so PostGuard will not hand it out for publishing.");
        }
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await audit.AppendAsync(connection, transaction, new AuditEvent(user.SchoolId, user.Email, "draft.media-copied", draftId, draft.Revision, new JsonObject
            {
                ["position"] = position,
                ["bytes"] = copy.Content.Length,
            }), cancellationToken);
            return true;
        }, cancellationToken);
        return copy;
    }

    private static Media CleanClip(string fileName, byte[] original, byte[] clean) =>
        ClipSniffer.Detect(original) == ClipFormat.WebM
            ? new Media(Path.ChangeExtension(fileName, ".webm"), "video/webm", clean)
            : new Media(Path.ChangeExtension(fileName, ".mp4"), "video/mp4", clean);
}

/// <summary>The draft is approved, but not for publishing yet: the approver set an earliest publish time still ahead (409).</summary>
public sealed class MediaNotYetPublishableException(DateTimeOffset earliestPublishAt)
    : Exception($"The headteacher approved this post for publishing from {earliestPublishAt.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}; its photos are handed out from then.")
{
    public DateTimeOffset EarliestPublishAt { get; } = earliestPublishAt;
}

/// <summary>The draft exists but has no photo at that position.</summary>
public sealed class MediaNotFoundException(string message) : Exception(message);
