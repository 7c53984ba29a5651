using Dapper;
using PostGuard.Core.Persistence;

namespace PostGuard.Server.Web;

/// <summary>One line of the drafts list.</summary>
public sealed record DraftListItem(Guid Id, int Revision, string Status, string? Decision, string ReviewState, string Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A school's drafts, newest first (the uploader's home page).</summary>
public sealed class DraftList(Database database)
{
    public async Task<IReadOnlyList<DraftListItem>> ReadAsync(string schoolId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(database.Command(
            """
            SELECT d.id AS Id, d.revision AS Revision, d.status AS Status, d.decision AS Decision, d.review_state AS ReviewState,
                   r.text AS Text, d.created_at AS CreatedAt, d.updated_at AS UpdatedAt
            FROM drafts d JOIN draft_revisions r ON r.draft_id = d.id AND r.revision = d.revision
            WHERE d.school_id = @schoolId
            ORDER BY d.updated_at DESC
            LIMIT @limit
            """,
            new { schoolId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new DraftListItem(Guid.Parse(r.Id), r.Revision, r.Status, r.Decision, r.ReviewState, r.Text, r.CreatedAt, r.UpdatedAt)).ToList();
    }

    private sealed record Row
    {
        public string Id { get; init; } = "";
        public int Revision { get; init; }
        public string Status { get; init; } = "";
        public string? Decision { get; init; }
        public string ReviewState { get; init; } = "";
        public string Text { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
