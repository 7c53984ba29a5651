using PostGuard.Core.Blobs;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Vision.Video;

namespace PostGuard.Core.Review;

/// <summary>
/// The evidence of a clip's face track: its best frame, decoded from the stored clip on request as a JPEG at most
/// 640 px wide without metadata (the face's box is in the decision). Made from the clip each time rather than stored,
/// so a clip deleted under the retention policy leaves no pictures of its people behind. At most one per core at once.
/// </summary>
public sealed class ClipFrames(DraftStore drafts, BlobStore blobs, ClipWriter clips)
{
    public const int Width = 640;

    private static readonly SemaphoreSlim Workers = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>
    /// The best frame of face track <paramref name="face"/> of the clip at <paramref name="position"/> in a revision of the
    /// draft (null: the current one).
    /// </summary>
    /// <exception cref="DraftNotFoundException">No such draft or revision in the user's school.</exception>
    /// <exception cref="MediaNotFoundException">No clip there, no such track, or no decision yet.</exception>
    public async Task<byte[]> BestFrameAsync(StaffUser user, Guid draftId, int? revisionNumber, int position, int face, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var draft = await drafts.FindAsync(user.SchoolId, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var number = revisionNumber ?? draft.Revision;
        if (number < 1 || number > draft.Revision)
        {
            throw new DraftNotFoundException(draftId);
        }
        var revision = await drafts.FindRevisionAsync(draftId, number, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var decision = await drafts.FindDecisionAsync(draftId, number, cancellationToken);
        var image = revision.Images.FirstOrDefault(i => i.Position == position && ClipSniffing.IsClip(i.ContentType))
            ?? throw new MediaNotFoundException($"Revision {number} of draft {draftId} has no clip at position {position}.");
        var report = decision?.Images.FirstOrDefault(r => r.Index == position);
        if (report is null || face < 0 || face >= report.Faces.Count || report.Faces[face].Track is not { } track)
        {
            throw new MediaNotFoundException($"Clip {position} of draft {draftId} has no analysed face track {face}.");
        }
        var content = await blobs.ReadAsync(image, cancellationToken);
        await Workers.WaitAsync(cancellationToken);
        try
        {
            return await clips.WriteFrameAsync(content, track.Seconds, [], Width, cancellationToken: cancellationToken);
        }
        catch (ClipRejectedException ex)
        {
            throw new ReviewConflictException($"The frame at {track.Seconds:0.##} s of '{image.FileName}' cannot be shown: {ex.Message}");
        }
        finally
        {
            Workers.Release();
        }
    }
}
