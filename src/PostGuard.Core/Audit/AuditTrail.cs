using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using PostGuard.Core.Persistence;

namespace PostGuard.Core.Audit;

/// <summary>
/// The append-only audit trail. Entries are written in the same transaction as the change they
/// record; the database refuses updates and deletes of entries (triggers in the migrations).
/// </summary>
public sealed class AuditTrail(Database database, TimeProvider time)
{
    public Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEvent entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(database.Command(
            """
            INSERT INTO audit_events (school_id, at, actor, action, draft_id, revision, details_json)
            VALUES (@SchoolId, @At, @Actor, @Action, @DraftId, @Revision, @Details)
            """,
            new
            {
                entry.SchoolId,
                At = time.GetUtcNow(),
                entry.Actor,
                entry.Action,
                DraftId = entry.DraftId?.ToString(),
                entry.Revision,
                Details = entry.Details.ToJsonString(),
            }, transaction, cancellationToken));

    /// <summary>A school's trail, newest first, optionally for one draft.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string schoolId, Guid? draftId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(database.Command(
            """
            SELECT id AS Id, school_id AS SchoolId, at AS At, actor AS Actor, action AS Action,
                   draft_id AS DraftId, revision AS Revision, details_json AS DetailsJson
            FROM audit_events
            WHERE school_id = @schoolId AND (@draftId IS NULL OR draft_id = @draftId)
            ORDER BY id DESC
            LIMIT @limit
            """,
            new { schoolId, draftId = draftId?.ToString(), limit = Math.Clamp(limit, 1, 1000) }, cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEvent(r.SchoolId, r.Actor, r.Action, r.DraftId is null ? null : Guid.Parse(r.DraftId), r.Revision,
            JsonNode.Parse(r.DetailsJson)?.AsObject() ?? []) { Id = r.Id, At = r.At }).ToList();
    }

    private sealed record AuditRow
    {
        public long Id { get; init; }
        public string SchoolId { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string? DraftId { get; init; }
        public int? Revision { get; init; }
        public string DetailsJson { get; init; } = "{}";
    }
}
