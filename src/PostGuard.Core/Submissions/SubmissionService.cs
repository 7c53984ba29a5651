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
    TimeProvider time)
{
    public async Task<DraftRecord> SubmitAsync(StaffUser uploader, School school, NewDraft draft, CancellationToken cancellationToken)
    {
        var validated = validator.Validate(draft, school.Policy);
        var now = time.GetUtcNow();
        var id = Guid.NewGuid();
        var images = new List<StoredImage>(validated.Images.Count);
        for (var i = 0; i < validated.Images.Count; i++)
        {
            var image = validated.Images[i];
            var sha256 = await blobs.PutAsync(image.Content, cancellationToken);
            images.Add(new StoredImage(i, image.FileName, image.ContentType, image.Content.Length, sha256, image.Tags.Select(Guid.Parse).ToList()));
        }
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
        var revision = new DraftRevision
        {
            DraftId = id,
            Revision = 1,
            Text = validated.Text!,
            Channels = validated.Channels!,
            PublishAt = validated.PublishAt,
            CommentsEnabled = validated.CommentsEnabled,
            Images = images,
            SubmittedBy = uploader.Id,
            SubmittedAt = now,
        };
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await drafts.InsertNewAsync(connection, transaction, record, revision, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(school.Id, uploader.Email, "draft.submitted", id, 1, new JsonObject
            {
                ["channels"] = string.Join(",", revision.Channels),
                ["images"] = images.Count,
            }), cancellationToken);
            return 0;
        }, cancellationToken);
        return record;
    }
}
