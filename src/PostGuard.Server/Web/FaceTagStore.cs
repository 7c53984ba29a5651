using Dapper;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Persistence;

namespace PostGuard.Server.Web;

/// <summary>A face the uploader clicked on and said who it is.</summary>
public sealed record FaceTag(int Position, FaceBox Box, Guid PersonId);

/// <summary>Which detected face is whom, per revision: only for showing each face's consent; the draft's tags decide.</summary>
public sealed class FaceTagStore(Database database)
{
    public async Task SaveAsync(Guid draftId, int revision, IReadOnlyList<FaceTag> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var tag in tags.DistinctBy(t => (t.Position, t.Box.X, t.Box.Y)))
            {
                await connection.ExecuteAsync(database.Command(
                    """
                    INSERT INTO draft_face_tags (draft_id, revision, position, face_x, face_y, face_w, face_h, person_id)
                    VALUES (@draftId, @revision, @position, @x, @y, @w, @h, @personId)
                    """,
                    new { draftId = draftId.ToString(), revision, position = tag.Position, x = tag.Box.X, y = tag.Box.Y, w = tag.Box.Width, h = tag.Box.Height, personId = tag.PersonId.ToString() },
                    transaction, cancellationToken));
            }
            return 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<FaceTag>> ReadAsync(Guid draftId, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(database.Command(
            """
            SELECT position AS Position, face_x AS X, face_y AS Y, face_w AS W, face_h AS H, person_id AS PersonId
            FROM draft_face_tags WHERE draft_id = @draftId AND revision = @revision
            """,
            new { draftId = draftId.ToString(), revision }, cancellationToken: cancellationToken));
        return rows.Select(r => new FaceTag(r.Position, new FaceBox(r.X, r.Y, r.W, r.H), Guid.Parse(r.PersonId))).ToList();
    }

    private sealed record Row
    {
        public int Position { get; init; }
        public int X { get; init; }
        public int Y { get; init; }
        public int W { get; init; }
        public int H { get; init; }
        public string PersonId { get; init; } = "";
    }
}
