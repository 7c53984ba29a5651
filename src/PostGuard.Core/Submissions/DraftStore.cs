using System.Data.Common;
using Dapper;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.Persistence;

namespace PostGuard.Core.Submissions;

/// <summary>Reads and writes drafts, their revisions, images and decisions. Every query is scoped by school where a user asks.</summary>
public sealed class DraftStore(Database database)
{
    private const string DraftColumns = """
        id AS Id, school_id AS SchoolId, created_by AS CreatedBy, revision AS Revision, status AS Status,
        decision AS Decision, review_state AS ReviewState, earliest_publish_at AS EarliestPublishAt,
        created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
        """;

    public async Task InsertNewAsync(DbConnection connection, DbTransaction transaction, DraftRecord draft, DraftRevision revision, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(database.Command(
            """
            INSERT INTO drafts (id, school_id, created_by, revision, status, decision, review_state, earliest_publish_at, created_at, updated_at, version)
            VALUES (@Id, @SchoolId, @CreatedBy, @Revision, @Status, NULL, @ReviewState, NULL, @CreatedAt, @UpdatedAt, @Version)
            """,
            new
            {
                Id = draft.Id.ToString(), draft.SchoolId, CreatedBy = draft.CreatedBy.ToString(), draft.Revision,
                Status = draft.Status.ToString(), ReviewState = draft.ReviewState.ToString(), draft.CreatedAt, draft.UpdatedAt, draft.Version,
            }, transaction, cancellationToken));
        await InsertRevisionAsync(connection, transaction, revision, cancellationToken);
    }

    public async Task InsertRevisionAsync(DbConnection connection, DbTransaction transaction, DraftRevision revision, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(database.Command(
            """
            INSERT INTO draft_revisions (draft_id, revision, text, channels_json, publish_at, comments_enabled, submitted_by, submitted_at)
            VALUES (@DraftId, @Revision, @Text, @Channels, @PublishAt, @CommentsEnabled, @SubmittedBy, @SubmittedAt)
            """,
            new
            {
                DraftId = revision.DraftId.ToString(), revision.Revision, revision.Text, Channels = Json.Serialize(revision.Channels),
                revision.PublishAt, CommentsEnabled = revision.CommentsEnabled ? 1 : 0, SubmittedBy = revision.SubmittedBy.ToString(), revision.SubmittedAt,
            }, transaction, cancellationToken));
        foreach (var image in revision.Images)
        {
            await connection.ExecuteAsync(database.Command(
                """
                INSERT INTO draft_images (draft_id, revision, position, file_name, content_type, size_bytes, blob_sha256, tags_json)
                VALUES (@DraftId, @Revision, @Position, @FileName, @ContentType, @SizeBytes, @BlobSha256, @Tags)
                """,
                new
                {
                    DraftId = revision.DraftId.ToString(), revision.Revision, image.Position, image.FileName, image.ContentType,
                    image.SizeBytes, image.BlobSha256, Tags = Json.Serialize(image.Tags),
                }, transaction, cancellationToken));
        }
    }

    /// <summary>A school's draft, or null when it does not exist for that school (so another school's id reads as not found).</summary>
    public async Task<DraftRecord?> FindAsync(string schoolId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, schoolId, id, cancellationToken);
    }

    public async Task<DraftRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, string schoolId, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<DraftRow>(database.Command(
            $"SELECT {DraftColumns} FROM drafts WHERE id = @id AND school_id = @schoolId",
            new { id = id.ToString(), schoolId }, transaction, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<DraftRevision?> FindRevisionAsync(Guid draftId, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RevisionRow>(database.Command(
            """
            SELECT draft_id AS DraftId, revision AS Revision, text AS Text, channels_json AS ChannelsJson, publish_at AS PublishAt,
                   comments_enabled AS CommentsEnabled, submitted_by AS SubmittedBy, submitted_at AS SubmittedAt
            FROM draft_revisions WHERE draft_id = @draftId AND revision = @revision
            """,
            new { draftId = draftId.ToString(), revision }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        var images = await connection.QueryAsync<ImageRow>(database.Command(
            """
            SELECT position AS Position, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes,
                   blob_sha256 AS BlobSha256, tags_json AS TagsJson, deleted_at AS DeletedAt
            FROM draft_images WHERE draft_id = @draftId AND revision = @revision ORDER BY position
            """,
            new { draftId = draftId.ToString(), revision }, cancellationToken: cancellationToken));
        return new DraftRevision
        {
            DraftId = Guid.Parse(row.DraftId),
            Revision = row.Revision,
            Text = row.Text,
            Channels = Json.Deserialize<List<string>>(row.ChannelsJson),
            PublishAt = row.PublishAt,
            CommentsEnabled = row.CommentsEnabled != 0,
            SubmittedBy = Guid.Parse(row.SubmittedBy),
            SubmittedAt = row.SubmittedAt,
            Images = images.Select(i => new StoredImage(i.Position, i.FileName, i.ContentType, i.SizeBytes, i.BlobSha256, Json.Deserialize<List<Guid>>(i.TagsJson), i.DeletedAt)).ToList(),
        };
    }

    public async Task<StoredDecision?> FindDecisionAsync(Guid draftId, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DecisionRow>(database.Command(
            """
            SELECT decision AS Decision, findings_json AS FindingsJson, images_json AS ImagesJson, decided_at AS DecidedAt
            FROM decisions WHERE draft_id = @draftId AND revision = @revision
            """,
            new { draftId = draftId.ToString(), revision }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }
        // Notices added after the analysis (a takedown when consent is withdrawn) join its findings.
        var notices = await connection.QueryAsync<string>(database.Command(
            "SELECT finding_json FROM draft_notices WHERE draft_id = @draftId AND revision = @revision ORDER BY id",
            new { draftId = draftId.ToString(), revision }, cancellationToken: cancellationToken));
        var findings = Json.Deserialize<List<Finding>>(row.FindingsJson);
        findings.AddRange(notices.Select(Json.Deserialize<Finding>));
        return new StoredDecision(DecisionEngine.Decide(findings), findings, Json.Deserialize<List<ImageReport>>(row.ImagesJson), row.DecidedAt);
    }

    /// <summary>How many decisions a revision has (exactly one once decided; used to prove idempotency).</summary>
    public async Task<long> CountDecisionsAsync(Guid draftId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(database.Command(
            "SELECT COUNT(*) FROM decisions WHERE draft_id = @draftId", new { draftId = draftId.ToString() }, cancellationToken: cancellationToken));
    }

    /// <summary>Drafts of any school stuck in Submitted/Analysing since before <paramref name="olderThan"/>.</summary>
    public async Task<IReadOnlyList<DraftRecord>> FindStuckAsync(DateTimeOffset olderThan, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DraftRow>(database.Command(
            $"SELECT {DraftColumns} FROM drafts WHERE status IN ('Submitted', 'Analysing') AND updated_at < @olderThan ORDER BY updated_at LIMIT @limit",
            new { olderThan, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Decided drafts that need review but whose review item is missing (a lost DraftDecided).</summary>
    public async Task<IReadOnlyList<DraftRecord>> FindDecidedWithoutReviewItemAsync(DateTimeOffset olderThan, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DraftRow>(database.Command(
            $"""
            SELECT {DraftColumns} FROM drafts d
            WHERE d.status = 'Decided' AND d.review_state = 'Pending' AND d.updated_at < @olderThan
              AND NOT EXISTS (SELECT 1 FROM review_items r WHERE r.draft_id = d.id AND r.revision = d.revision)
            ORDER BY d.updated_at LIMIT @limit
            """,
            new { olderThan, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Moves a revision from Submitted to Analysing; false when it is no longer the current, undecided revision.</summary>
    public async Task<bool> MarkAnalysingAsync(Guid draftId, int revision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(database.Command(
            """
            UPDATE drafts SET status = 'Analysing', updated_at = @now, version = version + 1
            WHERE id = @draftId AND revision = @revision AND status IN ('Submitted', 'Analysing')
            """,
            new { draftId = draftId.ToString(), revision, now }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Touches a stuck draft so the reconciler does not re-publish it again at once.</summary>
    public async Task TouchAsync(Guid draftId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Command(
            "UPDATE drafts SET updated_at = @now WHERE id = @draftId AND status IN ('Submitted', 'Analysing')",
            new { draftId = draftId.ToString(), now }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stores the revision's decision unless it already has one. Returns false when another delivery
    /// decided first (then nothing changes), so a redelivered message never makes a second decision.
    /// </summary>
    public async Task<bool> TryInsertDecisionAsync(DbConnection connection, DbTransaction transaction, Guid draftId, int revision, StoredDecision decision, CancellationToken cancellationToken)
    {
        var inserted = await connection.ExecuteAsync(database.Command(
            """
            INSERT INTO decisions (draft_id, revision, decision, findings_json, images_json, decided_at)
            VALUES (@draftId, @revision, @decision, @findings, @images, @decidedAt)
            ON CONFLICT (draft_id, revision) DO NOTHING
            """,
            new
            {
                draftId = draftId.ToString(), revision, decision = decision.Decision.ToString(),
                findings = Json.Serialize(decision.Findings), images = Json.Serialize(decision.Images), decidedAt = decision.DecidedAt,
            }, transaction, cancellationToken));
        return inserted == 1;
    }

    public async Task<int> SetDecidedAsync(DbConnection connection, DbTransaction transaction, Guid draftId, int revision, Decision decision, ReviewState reviewState, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(database.Command(
            """
            UPDATE drafts SET status = 'Decided', decision = @decision, review_state = @reviewState, updated_at = @now, version = version + 1
            WHERE id = @draftId AND revision = @revision
            """,
            new { draftId = draftId.ToString(), revision, decision = decision.ToString(), reviewState = reviewState.ToString(), now }, transaction, cancellationToken));

    /// <summary>Changes the review state if the draft still has the version the caller read (optimistic concurrency).</summary>
    public async Task<bool> SetReviewStateAsync(DbConnection connection, DbTransaction transaction, DraftRecord draft, ReviewState state, DateTimeOffset? earliestPublishAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync(database.Command(
            """
            UPDATE drafts SET review_state = @state, earliest_publish_at = @earliestPublishAt, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @Version
            """,
            new { id = draft.Id.ToString(), state = state.ToString(), earliestPublishAt, now, draft.Version }, transaction, cancellationToken));
        return changed == 1;
    }

    private sealed record DraftRow
    {
        public string Id { get; init; } = "";
        public string SchoolId { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public int Revision { get; init; }
        public string Status { get; init; } = "";
        public string? Decision { get; init; }
        public string ReviewState { get; init; } = "";
        public DateTimeOffset? EarliestPublishAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }

        public DraftRecord ToRecord() => new()
        {
            Id = Guid.Parse(Id),
            SchoolId = SchoolId,
            CreatedBy = Guid.Parse(CreatedBy),
            Revision = Revision,
            Status = Enum.Parse<DraftStatus>(Status),
            Decision = Decision is null ? null : Enum.Parse<Decision>(Decision),
            ReviewState = Enum.Parse<ReviewState>(ReviewState),
            EarliestPublishAt = EarliestPublishAt,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            Version = Version,
        };
    }

    private sealed record RevisionRow
    {
        public string DraftId { get; init; } = "";
        public int Revision { get; init; }
        public string Text { get; init; } = "";
        public string ChannelsJson { get; init; } = "[]";
        public DateTimeOffset? PublishAt { get; init; }
        public long CommentsEnabled { get; init; }
        public string SubmittedBy { get; init; } = "";
        public DateTimeOffset SubmittedAt { get; init; }
    }

    private sealed record ImageRow
    {
        public int Position { get; init; }
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public long SizeBytes { get; init; }
        public string BlobSha256 { get; init; } = "";
        public string TagsJson { get; init; } = "[]";
        public DateTimeOffset? DeletedAt { get; init; }
    }

    private sealed record DecisionRow
    {
        public string Decision { get; init; } = "";
        public string FindingsJson { get; init; } = "[]";
        public string ImagesJson { get; init; } = "[]";
        public DateTimeOffset DecidedAt { get; init; }
    }
}
