using System.Text.Json.Nodes;
using PostGuard.Core.Audit;
using PostGuard.Core.Blobs;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;

namespace PostGuard.Core.Submissions;

/// <summary>
/// Accepts a draft from the uploader: validates every field (nothing is stored when any is wrong),
/// stores the images in the blob store and the draft with status Submitted, audited. The caller then
/// publishes AnalyzeDraft; if that fails the reconciler publishes it later.
/// </summary>
public sealed class SubmissionService(
    Database database,
    DraftStore drafts,
    BlobStore blobs,
    AuditTrail audit,
    DraftValidator validator,
    People.PeopleStore people,
    TimeProvider time)
{
    public async Task<DraftRecord> SubmitAsync(StaffUser uploader, School school, NewDraft draft, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(school, draft, cancellationToken);
        var now = time.GetUtcNow();
        var id = Guid.NewGuid();
        var record = new DraftRecord
        {
            Id = id,
            SchoolId = school.Id,
            CreatedBy = uploader.Id,
            Revision = 1,
            Status = DraftStatus.Submitted,
            ReviewState = ReviewState.None,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        var revision = prepared.AsRevision(id, 1, uploader, now);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await drafts.InsertNewAsync(connection, transaction, record, revision, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(school.Id, uploader.Email, "draft.submitted", id, 1, new JsonObject
            {
                ["channels"] = string.Join(",", revision.Channels),
                ["images"] = revision.Images.Count,
            }), cancellationToken);
            return 0;
        }, cancellationToken);
        return record;
    }

    /// <summary>
    /// Validates a draft (new or a new revision), checks its tags against the school's register and
    /// stores its images in the blob store; nothing reaches the database when anything is wrong.
    /// </summary>
    public async Task<PreparedDraft> PrepareAsync(School school, NewDraft draft, CancellationToken cancellationToken)
    {
        var validated = validator.Validate(draft, school.Policy);
        await EnsureTaggedPeopleBelongToSchoolAsync(school.Id, validated, cancellationToken);
        var images = new List<StoredImage>(validated.Images.Count);
        for (var i = 0; i < validated.Images.Count; i++)
        {
            var image = validated.Images[i];
            var sha256 = await blobs.PutAsync(image.Content, cancellationToken);
            images.Add(new StoredImage(i, image.FileName, image.ContentType, image.Content.Length, sha256, image.Tags.Select(Guid.Parse).ToList()));
        }
        return new PreparedDraft(validated, images);
    }

    /// <summary>A tag of an unknown person, or of another school's, is refused (400) before anything is stored.</summary>
    private async Task EnsureTaggedPeopleBelongToSchoolAsync(string schoolId, NewDraft draft, CancellationToken cancellationToken)
    {
        var tags = draft.Images.SelectMany(i => i.Tags).Select(Guid.Parse).ToList();
        var known = await people.ExistingIdsAsync(schoolId, tags, cancellationToken);
        var errors = new List<InputError>();
        for (var i = 0; i < draft.Images.Count; i++)
        {
            for (var t = 0; t < draft.Images[i].Tags.Count; t++)
            {
                if (!known.Contains(Guid.Parse(draft.Images[i].Tags[t])))
                {
                    errors.Add(new InputError($"draft.images[{i}].tags[{t}]", $"no person '{draft.Images[i].Tags[t]}' in this school's register"));
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
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
