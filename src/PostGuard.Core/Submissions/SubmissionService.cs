using PostGuard.Core.Blobs;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Vision.Video;

namespace PostGuard.Core.Submissions;

/// <summary>
/// Accepts a draft or a new revision from the uploader: validates every field (nothing is stored when
/// any is wrong), checks the tags against the school's register and the photos' known faces, stores
/// the photos in the blob store, then hands the draft to <see cref="DraftLifecycle"/>. The caller then
/// sends AnalyzeDraft; if that fails the reconciler sends it later.
/// </summary>
public sealed class SubmissionService(
    DraftStore drafts,
    DraftLifecycle lifecycle,
    BlobStore blobs,
    DraftValidator validator,
    People.PeopleStore people,
    Lazy<ClipInspector> clips)
{
    public async Task<DraftRecord> SubmitAsync(StaffUser uploader, School school, NewDraft draft, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(school, draft, prior: null, cancellationToken);
        return await lifecycle.SubmitAsync(uploader, school.Id, prepared, cancellationToken);
    }

    /// <summary>
    /// The edited draft as the next revision. A tag <c>{person, face: N}</c> names face N of the current
    /// revision's analysis of the same photo (same bytes), and keeps that face's box so the binding
    /// follows the face into the new analysis; a person tagged by id alone on a photo where they were
    /// already placed keeps that placement, so nobody tags again.
    /// </summary>
    public async Task<DraftRecord> ResubmitAsync(StaffUser uploader, School school, Guid draftId, NewDraft draft, int? expectedVersion, CancellationToken cancellationToken)
    {
        var current = await drafts.FindAsync(school.Id, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var revision = await drafts.FindRevisionAsync(draftId, current.Revision, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var decision = current.Status == DraftStatus.Decided ? await drafts.FindDecisionAsync(draftId, current.Revision, cancellationToken) : null;
        var prepared = await PrepareAsync(school, draft, new PriorRevision(revision, decision), cancellationToken);
        return await lifecycle.ResubmitAsync(uploader, school.Id, draftId, expectedVersion ?? current.Version, prepared, cancellationToken);
    }

    /// <summary>
    /// Validates a draft (new or a new revision), checks its tags against the school's register and the
    /// faces already known, and stores its photos in the blob store; nothing reaches the database when
    /// anything is wrong.
    /// </summary>
    public async Task<PreparedDraft> PrepareAsync(School school, NewDraft draft, PriorRevision? prior, CancellationToken cancellationToken)
    {
        var validated = validator.Validate(draft, school.Policy);
        await EnsureClipHeadersAreAcceptableAsync(validated, cancellationToken);
        await EnsureTaggedPeopleBelongToSchoolAsync(school.Id, validated, cancellationToken);
        var shas = validated.Images.Select(i => BlobStore.Sha256Of(i.Content.Span)).ToList();
        var errors = new List<InputError>();
        var tags = validated.Images.Select((image, i) => PlaceTags(image, i, prior?.PhotoWith(shas[i]), errors)).ToList();
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
        var images = new List<StoredImage>(validated.Images.Count);
        for (var i = 0; i < validated.Images.Count; i++)
        {
            var image = validated.Images[i];
            var sha256 = await blobs.PutAsync(image.Content, cancellationToken);
            images.Add(new StoredImage(i, image.FileName, image.ContentType, image.Content.Length, sha256, tags[i]));
        }
        return new PreparedDraft(validated, images);
    }

    /// <summary>The tags of one photo as stored: faces named by index get their box from the photo's last analysis, where there is one.</summary>
    private static List<PhotoTag> PlaceTags(NewDraftImage image, int index, PriorPhoto? prior, List<InputError> errors)
    {
        var placed = new List<PhotoTag>(image.Tags.Count);
        for (var t = 0; t < image.Tags.Count; t++)
        {
            var tag = image.Tags[t];
            var person = Guid.Parse(tag.Person!);
            switch (tag.Placement)
            {
                case TagPlacement.NotVisible:
                    placed.Add(PhotoTag.NotVisible(person));
                    break;
                case TagPlacement.Face when prior?.Report is { } report:
                    if (tag.Face!.Value >= report.Faces.Count)
                    {
                        errors.Add(new InputError($"draft.images[{index}].tags[{t}].face",
                            $"'{image.FileName}' has {report.Faces.Count} detected face(s) (0 to {report.Faces.Count - 1}); there is no face {tag.Face}"));
                        continue;
                    }
                    placed.Add(PhotoTag.OnFace(person, tag.Face.Value, report.Faces[tag.Face.Value].Box));
                    break;
                case TagPlacement.Face:
                    // A new photo: the index names a face of the analysis to come (the detector is deterministic).
                    placed.Add(PhotoTag.OnFace(person, tag.Face!.Value));
                    break;
                default:
                    placed.Add(prior?.PlacementOf(person) ?? PhotoTag.Unplaced(person));
                    break;
            }
        }
        return placed;
    }

    /// <summary>
    /// Each clip's container header against the Video limits (duration, size, frame rate, streams, codec), read by
    /// ffprobe before anything is stored or decoded: a refused clip is a 400 naming the image and the clip's field.
    /// </summary>
    private async Task EnsureClipHeadersAreAcceptableAsync(NewDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        for (var i = 0; i < draft.Images.Count; i++)
        {
            var image = draft.Images[i];
            if (!ClipSniffing.IsClip(image.ContentType))
            {
                continue;
            }
            try
            {
                await clips.Value.ReadHeaderAsync(image.Content, cancellationToken);
            }
            catch (ClipRejectedException ex)
            {
                errors.Add(new InputError($"draft.images[{i}].file", $"'{image.FileName}' is not accepted: {ex.Message}"));
            }
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
    }

    /// <summary>A tag of an unknown person, or of another school's, is refused (400) before anything is stored.</summary>
    private async Task EnsureTaggedPeopleBelongToSchoolAsync(string schoolId, NewDraft draft, CancellationToken cancellationToken)
    {
        var tags = draft.Images.SelectMany(i => i.Tags).Select(t => Guid.Parse(t.Person!)).ToList();
        var known = await people.ExistingIdsAsync(schoolId, tags, cancellationToken);
        var errors = new List<InputError>();
        for (var i = 0; i < draft.Images.Count; i++)
        {
            for (var t = 0; t < draft.Images[i].Tags.Count; t++)
            {
                var tag = draft.Images[i].Tags[t];
                if (!known.Contains(Guid.Parse(tag.Person!)))
                {
                    var field = tag.Placement == TagPlacement.Unplaced ? $"draft.images[{i}].tags[{t}]" : $"draft.images[{i}].tags[{t}].person";
                    errors.Add(new InputError(field, $"no person '{tag.Person}' in this school's register"));
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
    }
}

/// <summary>The revision a resubmission replaces, with its decision when it has one.</summary>
public sealed record PriorRevision(DraftRevision Revision, StoredDecision? Decision)
{
    /// <summary>The same photo (same bytes) in this revision, with what its analysis found.</summary>
    public PriorPhoto? PhotoWith(string sha256) =>
        Revision.Images.FirstOrDefault(i => i.BlobSha256 == sha256) is { } image
            ? new PriorPhoto(image, Decision?.Images.FirstOrDefault(r => r.Index == image.Position) is { Readable: true } report ? report : null)
            : null;
}

/// <summary>A photo of the revision being replaced and its analysis (null when it was not analysed or not readable).</summary>
public sealed record PriorPhoto(StoredImage Image, ImageReport? Report)
{
    /// <summary>Where the person was placed on this photo, as a binding that follows its face; null when they were not placed.</summary>
    public PhotoTag? PlacementOf(Guid person)
    {
        var tag = Image.Tags.FirstOrDefault(t => t.PersonId == person);
        return tag?.Placement switch
        {
            TagPlacement.NotVisible => tag,
            TagPlacement.Face when Report is not null => FaceBindings.FaceOf(Report.Faces, tag) is { } face ? PhotoTag.OnFace(person, face, Report.Faces[face].Box) : null,
            TagPlacement.Face => tag,
            _ => null,
        };
    }
}

/// <summary>A validated draft whose photos are already in the blob store: what becomes a revision.</summary>
public sealed record PreparedDraft(NewDraft Validated, IReadOnlyList<StoredImage> Images)
{
    public DraftRevision AsRevision(Guid draftId, int revision, StaffUser uploader, DateTimeOffset submittedAt) => new()
    {
        DraftId = draftId,
        Revision = revision,
        Text = Validated.Text!,
        Channels = Validated.Channels!,
        PublishAt = Validated.PublishAt,
        CommentsEnabled = Validated.CommentsEnabled,
        Images = Images,
        SubmittedBy = uploader.Id,
        SubmittedAt = submittedAt,
    };
}
