using Microsoft.Extensions.Options;
using PostGuard.Core.Analysis;
using PostGuard.Core.Blobs;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.People;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Vision;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Video;
using VisionFaceBox = PostGuard.Vision.Faces.FaceBox;

namespace PostGuard.Core.Review;

/// <summary>
/// "Approve a redacted version": the faces that block or that nobody accounts for are chosen for
/// redaction, and every line of words in the photos that gave a finding is covered (<see cref="WordsToCover"/>); the approver may add or remove faces and previews the result. The chosen faces are hidden
/// irreversibly (metadata stripped), the kept faces keep their bindings, and the result is checked again
/// through the same analysis; only if that re-check does not Block is it stored as the next revision
/// with its own decision, approved with the earliest publish time the approver set. A clip's chosen face
/// tracks are hidden in every frame and the clip re-encoded; the re-check analyses the redacted clip afresh.
/// Redaction work is bounded: at most one photo or clip per core at a time, each within its time limit.
/// </summary>
public sealed class RedactionService(
    DraftStore drafts,
    DraftLifecycle lifecycle,
    BlobStore blobs,
    SchoolDirectory schools,
    PeopleStore people,
    DraftAnalyzer analyzer,
    DraftAnalysisRunner runner,
    Lazy<ImageInspector> inspector,
    ClipWriter clips,
    IOptions<CheckOptions> options,
    IOptions<VideoOptions> video,
    TimeProvider time)
{
    private static readonly SemaphoreSlim Workers = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The draft's photos with each face's standing and whether it is redacted by default.</summary>
    public async Task<RedactionPlan> PlanAsync(StaffUser approver, Guid draftId, CancellationToken cancellationToken)
    {
        var loaded = await LoadDecidedAsync(approver.SchoolId, draftId, cancellationToken);
        return loaded.Plan;
    }

    /// <summary>
    /// The photo at <paramref name="position"/> as it would be published with <paramref name="faces"/>
    /// hidden (null: the default choice). JPEG, no metadata; nothing is stored. For a clip: the frame at
    /// <paramref name="seconds"/> (default: the best frame of the first hidden track) with the chosen tracks hidden.
    /// </summary>
    public async Task<byte[]> PreviewAsync(StaffUser approver, Guid draftId, int position, IReadOnlyList<int>? faces, CancellationToken cancellationToken, double? seconds = null)
    {
        var loaded = await LoadDecidedAsync(approver.SchoolId, draftId, cancellationToken);
        var photo = loaded.Plan.Photos.FirstOrDefault(p => p.Position == position) ?? throw new MediaNotFoundException($"Draft {draftId} has no photo at position {position}.");
        var chosen = Choose(photo, faces, $"faces");
        var content = await blobs.ReadAsync(photo.Image, cancellationToken);
        if (photo.IsClip && photo.Report is { } report)
        {
            var at = seconds ?? chosen.Select(i => report.Faces[i].Track?.Seconds).FirstOrDefault(s => s is not null) ?? report.Faces.FirstOrDefault()?.Track?.Seconds ?? 0;
            return await BoundedAsync(photo, () => clips.WriteFrameAsync(content, at, ClipTracks.Chosen(report, chosen), cancellationToken: cancellationToken), FrameTimeLimit, cancellationToken);
        }
        return await RedactAsync(photo, content, chosen, cancellationToken);
    }

    /// <param name="chosen">Per photo position, the face indices to hide; a photo not listed gets the default choice.</param>
    public async Task<RedactedRevision> ApproveRedactedAsync(StaffUser approver, Guid draftId, IReadOnlyDictionary<int, IReadOnlyList<int>>? chosen, string? reason, DateTimeOffset? earliestPublishAt, CancellationToken cancellationToken)
    {
        var loaded = await LoadDecidedAsync(approver.SchoolId, draftId, cancellationToken);
        if (loaded.Draft.ReviewState != ReviewState.Pending)
        {
            throw new ReviewConflictException($"Draft revision {loaded.Draft.Revision} is already {loaded.Draft.ReviewState.ToString().ToLowerInvariant()}.");
        }
        foreach (var position in (chosen ?? new Dictionary<int, IReadOnlyList<int>>()).Keys.Where(p => loaded.Plan.Photos.All(photo => photo.Position != p)))
        {
            throw new InputValidationException($"faces.{position}", $"the draft has no photo at position {position}");
        }

        var images = new List<StoredImage>(loaded.Plan.Photos.Count);
        var underCheck = new List<ImageUnderCheck>(loaded.Plan.Photos.Count);
        int blurred = 0, kept = 0;
        foreach (var photo in loaded.Plan.Photos)
        {
            var faces = Choose(photo, chosen?.GetValueOrDefault(photo.Position), $"faces.{photo.Position}");
            var redacted = await RedactAsync(photo, await blobs.ReadAsync(photo.Image, cancellationToken), faces, cancellationToken);
            blurred += faces.Count;
            kept += photo.Faces.Count - faces.Count;
            var tags = CarryTags(photo, faces);
            var sha256 = await blobs.PutAsync(redacted, cancellationToken);
            var fileName = Path.ChangeExtension(photo.Image.FileName, photo.IsClip ? ".mp4" : ".jpg");
            images.Add(new StoredImage(photo.Position, fileName, photo.IsClip ? "video/mp4" : "image/jpeg", redacted.Length, sha256, tags));
            underCheck.Add(new ImageUnderCheck { Index = photo.Position, FileName = fileName, Content = redacted, Tags = tags });
        }

        // The same analysis as any draft: text, channels, and the redacted photos inspected afresh with the kept bindings.
        var register = await people.LoadRegisterAsync(approver.SchoolId, cancellationToken);
        var content = loaded.Revision with { Images = images };
        var draft = DraftUnderCheck.For(content, underCheck, loaded.School.Policy, register, time.GetUtcNow());
        var recheck = await analyzer.AnalyzeAsync(draft, cancellationToken);
        return await lifecycle.ApproveRedactedAsync(approver, new RedactedVersion(
            draftId, loaded.Draft.Version, content, runner.Recheckable(draftId, loaded.Draft.Revision + 1, loaded.School, draft, recheck),
            reason, earliestPublishAt, blurred, kept), cancellationToken);
    }

    /// <summary>
    /// The tags of the redacted photo: a binding to a kept face keeps that face's box; a person whose face
    /// is hidden, and a person never placed when every face nobody accounted for is hidden, is in the photo
    /// with the face not visible.
    /// </summary>
    private static List<PhotoTag> CarryTags(PlannedPhoto photo, IReadOnlyList<int> hidden)
    {
        var unboundAllHidden = photo.Faces.Where(f => f.Tag is null && f.Face.Identifiable).All(f => hidden.Contains(f.Index));
        var tags = new List<PhotoTag>(photo.Image.Tags.Count);
        foreach (var tag in photo.Image.Tags)
        {
            var face = photo.Report is null ? null : FaceBindings.FaceOf(photo.Report.Faces, tag);
            if (face is { } index && photo.Faces.FirstOrDefault(f => f.Index == index)?.Tag == tag)
            {
                tags.Add(hidden.Contains(index) ? PhotoTag.NotVisible(tag.PersonId) : PhotoTag.OnFace(tag.PersonId, index, photo.Faces[index].Face.Box));
            }
            else if (tag.Placement != TagPlacement.NotVisible && unboundAllHidden)
            {
                tags.Add(PhotoTag.NotVisible(tag.PersonId));
            }
            else
            {
                tags.Add(tag);
            }
        }
        return tags;
    }

    private static IReadOnlyList<int> Choose(PlannedPhoto photo, IReadOnlyList<int>? faces, string field)
    {
        if (faces is null)
        {
            return photo.DefaultChoice;
        }
        var bad = faces.Where(f => f < 0 || f >= photo.Faces.Count).ToList();
        if (bad.Count > 0)
        {
            throw new InputValidationException(field, $"photo {photo.Position} has {photo.Faces.Count} face(s) (0 to {photo.Faces.Count - 1}); no face {string.Join(", ", bad)}");
        }
        return [.. faces.Distinct().Order()];
    }

    private async Task<(DraftRecord Draft, DraftRevision Revision, School School, RedactionPlan Plan)> LoadDecidedAsync(string schoolId, Guid draftId, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(schoolId, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        if (draft.Status != DraftStatus.Decided)
        {
            throw new ReviewConflictException($"Draft revision {draft.Revision} is still being analysed ({draft.Status}); wait for its decision.");
        }
        var revision = await drafts.FindRevisionAsync(draftId, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var decision = await drafts.FindDecisionAsync(draftId, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var school = await schools.FindSchoolAsync(schoolId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var register = await people.LoadRegisterAsync(schoolId, cancellationToken);
        var publishDate = DraftUnderCheck.For(revision, [], school.Policy, register, decision.DecidedAt).PublishDate;
        var photos = revision.Images.Select(image =>
        {
            var report = decision.Images.FirstOrDefault(r => r.Index == image.Position) is { Readable: true } readable ? readable : null;
            var assessment = report is null ? null : PhotoConsent.Assess(report, image.Tags, register, school.Policy, revision.Channels, publishDate);
            return new PlannedPhoto(image, report, assessment?.Faces ?? [], assessment?.FacesToRedact ?? []) { Words = report is null ? [] : WordsToCover.In(report, decision.Findings) };
        }).ToList();
        return (draft, revision, school, new RedactionPlan(draftId, draft.Revision, photos));
    }

    /// <summary>
    /// The photo with the chosen faces hidden, as a metadata-free JPEG, or the clip with the chosen tracks hidden in every
    /// frame, re-encoded without metadata; at most one per core at once, within the time limit.
    /// </summary>
    private async Task<byte[]> RedactAsync(PlannedPhoto photo, byte[] content, IReadOnlyList<int> faces, CancellationToken cancellationToken)
    {
        if (photo.Report is not { } report)
        {
            throw new ReviewConflictException($"Photo {photo.Position + 1} ({photo.Image.FileName}) could not be read, so it cannot be redacted; the uploader must replace it.");
        }
        if (photo.IsClip)
        {
            // ffmpeg stops itself at Video:WriteTimeoutSeconds; the clip is re-encoded whole, so it gets that long.
            return await BoundedAsync(photo, () => clips.WriteRedactedAsync(content, ClipTracks.Chosen(report, faces), cancellationToken: cancellationToken),
                TimeSpan.FromSeconds(video.Value.WriteTimeoutSeconds + 30), cancellationToken);
        }
        var boxes = faces.Select(i => photo.Faces[i].Face.Box).Select(b => new VisionFaceBox(b.X, b.Y, b.Width, b.Height)).ToList();
        // The chosen faces grown by the usual margin, and the lines of words that gave findings as given (grown by their own, in WordsToCover).
        var words = photo.Words.Select(w => new VisionFaceBox(w.X, w.Y, w.Width, w.Height)).ToList();
        return await BoundedAsync(photo, () => Task.Run(() => inspector.Value.Redact(content, boxes, words), CancellationToken.None), TimeSpan.FromSeconds(options.Value.TimeoutSeconds), cancellationToken);
    }

    private TimeSpan FrameTimeLimit => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    /// <summary>Runs redaction work in one of the per-core slots, within <paramref name="limit"/>.</summary>
    private static async Task<byte[]> BoundedAsync(PlannedPhoto photo, Func<Task<byte[]>> redact, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await Workers.WaitAsync(timeout.Token);
            // The slot is given back when the work ends, not when the caller stops waiting for it.
            var work = Task.Run(redact, CancellationToken.None);
            _ = work.ContinueWith(static _ => Workers.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return await work.WaitAsync(timeout.Token);
        }
        catch (ImageRejectedException ex)
        {
            throw new ReviewConflictException($"Photo {photo.Position + 1} ({photo.Image.FileName}) cannot be redacted: {ex.Message}");
        }
        catch (ClipRejectedException ex)
        {
            throw new ReviewConflictException($"Clip {photo.Position + 1} ({photo.Image.FileName}) cannot be redacted: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReviewConflictException($"Redacting {photo.Image.FileName} took longer than {limit.TotalSeconds:0} s; try again when the service is less busy.");
        }
    }
}

/// <summary>What redaction would do to a decided revision's photos.</summary>
public sealed record RedactionPlan(Guid DraftId, int Revision, IReadOnlyList<PlannedPhoto> Photos);

/// <summary>One photo: its faces with their standing, and the faces hidden unless the approver chooses otherwise.</summary>
/// <param name="Report">Null when the photo could not be read (it cannot be redacted).</param>
public sealed record PlannedPhoto(StoredImage Image, ImageReport? Report, IReadOnlyList<FaceAssessment> Faces, IReadOnlyList<int> DefaultChoice)
{
    /// <summary>The lines of words that gave findings, which the redacted version covers whatever faces are chosen.</summary>
    public IReadOnlyList<RegionBox> Words { get; init; } = [];

    public int Position => Image.Position;

    /// <summary>A video clip: its faces are face tracks, hidden through the whole clip.</summary>
    public bool IsClip => ClipSniffing.IsClip(Image.ContentType);
}
