using System.Data.Common;
using Dapper;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.Persistence;

namespace PostGuard.Core.Submissions;

/// <summary>
/// Reads drafts, their revisions, photos, tags and decisions (every query is scoped by school where a user
/// asks), and stores a revision's content for <see cref="DraftLifecycle"/>, the one writer of a draft's state.
/// </summary>
public sealed class DraftStore(Database database)
{
    private const string DraftColumns = """
        id AS Id, school_id AS SchoolId, created_by AS CreatedBy, revision AS Revision, status AS Status,
        decision AS Decision, review_state AS ReviewState, earliest_publish_at AS EarliestPublishAt,
        created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
        """;

    /// <summary>The content of a revision: text, channels, photos and their tags (one row per tag, so a person's drafts are found by index).</summary>
    internal async Task InsertRevisionAsync(DbConnection connection, DbTransaction transaction, string schoolId, DraftRevision revision, CancellationToken cancellationToken)
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
                INSERT INTO draft_images (draft_id, revision, position, file_name, content_type, size_bytes, blob_sha256)
                VALUES (@DraftId, @Revision, @Position, @FileName, @ContentType, @SizeBytes, @BlobSha256)
                """,
                new
                {
                    DraftId = revision.DraftId.ToString(), revision.Revision, image.Position, image.FileName, image.ContentType,
                    image.SizeBytes, image.BlobSha256,
                }, transaction, cancellationToken));
            for (var ordinal = 0; ordinal < image.Tags.Count; ordinal++)
            {
                var tag = image.Tags[ordinal];
                await connection.ExecuteAsync(database.Command(
                    """
                    INSERT INTO draft_tags (draft_id, revision, position, ordinal, school_id, person_id, placement, face_index, face_x, face_y, face_w, face_h)
                    VALUES (@DraftId, @Revision, @Position, @Ordinal, @SchoolId, @PersonId, @Placement, @FaceIndex, @X, @Y, @W, @H)
                    """,
                    new
                    {
                        DraftId = revision.DraftId.ToString(), revision.Revision, image.Position, Ordinal = ordinal, SchoolId = schoolId,
                        PersonId = tag.PersonId.ToString(), Placement = PlacementName(tag.Placement), tag.FaceIndex,
                        X = tag.FaceBox?.X, Y = tag.FaceBox?.Y, W = tag.FaceBox?.Width, H = tag.FaceBox?.Height,
                    }, transaction, cancellationToken));
            }
        }
    }

    private static string PlacementName(TagPlacement placement) => placement switch
    {
        TagPlacement.Face => "face",
        TagPlacement.NotVisible => "not-visible",
        _ => "unplaced",
    };

    private static TagPlacement ParsePlacement(string placement) => placement switch
    {
        "face" => TagPlacement.Face,
        "not-visible" => TagPlacement.NotVisible,
        _ => TagPlacement.Unplaced,
    };

    /// <summary>A school's draft, or null when it does not exist for that school (so another school's id reads as not found).</summary>
    public async Task<DraftRecord?> FindAsync(string schoolId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, schoolId, id, cancellationToken);
    }

    /// <param name="forUpdate">Lock the row until the transaction ends (PostgreSQL; SQLite's write transactions are serialised already).</param>
    public async Task<DraftRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, string schoolId, Guid id, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var lockRow = forUpdate && transaction is not null && database.Provider == DatabaseProvider.Postgres ? " FOR UPDATE" : "";
        var row = await connection.QuerySingleOrDefaultAsync<DraftRow>(database.Command(
            $"SELECT {DraftColumns} FROM drafts WHERE id = @id AND school_id = @schoolId{lockRow}",
            new { id = id.ToString(), schoolId }, transaction, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<DraftRevision?> FindRevisionAsync(Guid draftId, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindRevisionAsync(connection, null, draftId, revision, cancellationToken);
    }

    public async Task<DraftRevision?> FindRevisionAsync(DbConnection connection, DbTransaction? transaction, Guid draftId, int revision, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RevisionRow>(database.Command(
            """
            SELECT draft_id AS DraftId, revision AS Revision, text AS Text, channels_json AS ChannelsJson, publish_at AS PublishAt,
                   comments_enabled AS CommentsEnabled, submitted_by AS SubmittedBy, submitted_at AS SubmittedAt
            FROM draft_revisions WHERE draft_id = @draftId AND revision = @revision
            """,
            new { draftId = draftId.ToString(), revision }, transaction, cancellationToken));
        if (row is null)
        {
            return null;
        }
        var images = await connection.QueryAsync<ImageRow>(database.Command(
            """
            SELECT position AS Position, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes,
                   blob_sha256 AS BlobSha256, deleted_at AS DeletedAt
            FROM draft_images WHERE draft_id = @draftId AND revision = @revision ORDER BY position
            """,
            new { draftId = draftId.ToString(), revision }, transaction, cancellationToken));
        var tags = (await connection.QueryAsync<TagRow>(database.Command(
            """
            SELECT position AS Position, person_id AS PersonId, placement AS Placement, face_index AS FaceIndex,
                   face_x AS X, face_y AS Y, face_w AS W, face_h AS H
            FROM draft_tags WHERE draft_id = @draftId AND revision = @revision ORDER BY position, ordinal
            """,
            new { draftId = draftId.ToString(), revision }, transaction, cancellationToken))).ToLookup(t => t.Position);
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
            Images = images.Select(i => new StoredImage(i.Position, i.FileName, i.ContentType, i.SizeBytes, i.BlobSha256, [.. tags[i.Position].Select(t => t.ToTag())], i.DeletedAt)).ToList(),
        };
    }

    /// <summary>The revision's decision as stored: the outcome, every finding (notices such as R4 included) and the consent version it was computed from.</summary>
    public async Task<StoredDecision?> FindDecisionAsync(Guid draftId, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindDecisionAsync(connection, null, draftId, revision, cancellationToken);
    }

    public async Task<StoredDecision?> FindDecisionAsync(DbConnection connection, DbTransaction? transaction, Guid draftId, int revision, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<DecisionRow>(database.Command(
            """
            SELECT decision AS Decision, findings_json AS FindingsJson, images_json AS ImagesJson, decided_at AS DecidedAt, consent_version AS ConsentVersion
            FROM decisions WHERE draft_id = @draftId AND revision = @revision
            """,
            new { draftId = draftId.ToString(), revision }, transaction, cancellationToken));
        return row is null
            ? null
            : new StoredDecision(Enum.Parse<Decision>(row.Decision), Json.Deserialize<List<Finding>>(row.FindingsJson), Json.Deserialize<List<ImageReport>>(row.ImagesJson), row.DecidedAt)
            {
                ConsentVersion = row.ConsentVersion,
            };
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
        public DateTimeOffset? DeletedAt { get; init; }
    }

    private sealed record TagRow
    {
        public int Position { get; init; }
        public string PersonId { get; init; } = "";
        public string Placement { get; init; } = "";
        public int? FaceIndex { get; init; }
        public int? X { get; init; }
        public int? Y { get; init; }
        public int? W { get; init; }
        public int? H { get; init; }

        public PhotoTag ToTag() => new(Guid.Parse(PersonId), ParsePlacement(Placement), FaceIndex,
            X is { } x && Y is { } y && W is { } w && H is { } h ? new FaceBox(x, y, w, h) : null);
    }

    private sealed record DecisionRow
    {
        public string Decision { get; init; } = "";
        public string FindingsJson { get; init; } = "[]";
        public string ImagesJson { get; init; } = "[]";
        public DateTimeOffset DecidedAt { get; init; }
        public long ConsentVersion { get; init; }
    }
}
