using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using PostGuard.Core.Audit;
using PostGuard.Core.Persistence;

namespace PostGuard.Core.Consent;

/// <summary>
/// Writes a checked <see cref="PeopleImportPlan"/> so that the write transaction stays short and the import
/// all or nothing. The plan's rows go, as one JSON parameter per table, into temporary tables of the
/// connection (<see cref="StageAsync"/>): temporary tables belong to the connection alone, so filling them
/// takes no lock on the database (SQLite's single write lock included) and blocks nobody. The transaction
/// then moves them into people, consent_records and audit_events with one INSERT … SELECT (or UPDATE …
/// FROM) per table (<see cref="WriteAsync"/>). The providers differ only in how JSON becomes rows
/// (SQLite's json_each, PostgreSQL's json_to_recordset); the rest of the SQL is shared.
/// </summary>
public sealed class PeopleImportWriter(Database database)
{
    /// <summary>The school's register as a whole has not changed when these are equal (checked before writing a plan made earlier).</summary>
    public sealed record RegisterVersion
    {
        public long People { get; init; }
        public string? PeopleUpdatedAt { get; init; }
        public long Consents { get; init; }
        public long? LastConsent { get; init; }
    }

    /// <summary>The plan's rows as JSON arrays, one per staging table, made before any connection is open.</summary>
    public sealed record Rows(string Added, string Updated, string Consents, string Audit);

    public async Task<RegisterVersion> VersionAsync(DbConnection connection, DbTransaction? transaction, string schoolId, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<RegisterVersion>(database.Command(
            """
            SELECT (SELECT COUNT(*) FROM people WHERE school_id = @schoolId) AS People,
                   (SELECT CAST(MAX(updated_at) AS TEXT) FROM people WHERE school_id = @schoolId) AS PeopleUpdatedAt,
                   (SELECT COUNT(*) FROM consent_records WHERE school_id = @schoolId) AS Consents,
                   (SELECT MAX(sequence) FROM consent_records WHERE school_id = @schoolId) AS LastConsent
            """,
            new { schoolId }, transaction, cancellationToken));

    /// <summary>The plan's people (added, updated), consent records and audit entries (one per change, same order) as JSON.</summary>
    public static Rows Serialise(PeopleImportPlan plan, IReadOnlyList<AuditEvent> audit) => new(
        Array(plan.Changes.OfType<PeopleImportPlan.AddPerson>().Select(c => PersonRow(c.Person))),
        Array(plan.Changes.OfType<PeopleImportPlan.UpdatePerson>().Select(c => PersonRow(c.Person))),
        Array(plan.Changes.OfType<PeopleImportPlan.RecordConsent>().Select(c => ConsentRow(c.Record))),
        Array(audit.Select(e => new JsonObject { ["actor"] = e.Actor, ["action"] = e.Action, ["details"] = e.Details.DeepClone() })));

    /// <summary>Fills this connection's temporary staging tables from the rows (outside any transaction: no lock on the database).</summary>
    public async Task StageAsync(DbConnection connection, Rows rows, CancellationToken cancellationToken)
    {
        await DropAsync(connection);
        var fill = database.Provider == DatabaseProvider.Sqlite ? SqliteStaging : PostgresStaging;
        foreach (var (sql, json) in new[] { (fill.Added, rows.Added), (fill.Updated, rows.Updated), (fill.Consents, rows.Consents), (fill.Audit, rows.Audit) })
        {
            await connection.ExecuteAsync(database.Command(sql, new { rows = json }, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Moves the staged rows into the school's register and audit trail, in file order, inside the caller's
    /// transaction. When consent records are among them the school's consent version goes up first, once,
    /// as for any consent change (<see cref="People.PeopleStore.ConsentVersionAsync"/>): a decision stored
    /// after this commits sees the records, or the draft is checked again.
    /// </summary>
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, string schoolId, bool recordsConsent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (recordsConsent)
        {
            await connection.ExecuteAsync(database.Command(
                "UPDATE schools SET consent_version = consent_version + 1 WHERE id = @schoolId", new { schoolId }, transaction, cancellationToken));
        }
        foreach (var sql in new[]
        {
            """
            INSERT INTO people (id, school_id, external_id, kind, first_name, last_name, known_as, year_group, active, created_at, updated_at)
            SELECT id, @schoolId, external_id, kind, first_name, last_name, known_as, year_group, active, @now, @now
            FROM import_added ORDER BY seq
            """,
            """
            UPDATE people SET external_id = u.external_id, kind = u.kind, first_name = u.first_name, last_name = u.last_name,
                   known_as = u.known_as, year_group = u.year_group, active = u.active, updated_at = @now
            FROM import_updated u
            WHERE people.id = u.id AND people.school_id = @schoolId
            """,
            """
            INSERT INTO consent_records (id, school_id, person_id, use, status, given_by, evidence, signed_on, valid_from, valid_until, recorded_at, recorded_by)
            SELECT id, @schoolId, person_id, use, status, given_by, evidence, signed_on, valid_from, valid_until, @now, recorded_by
            FROM import_consents ORDER BY seq
            """,
            """
            INSERT INTO audit_events (school_id, at, actor, action, draft_id, revision, details_json)
            SELECT @schoolId, @now, actor, action, NULL, NULL, details
            FROM import_audit ORDER BY seq
            """,
        })
        {
            await connection.ExecuteAsync(database.Command(sql, new { schoolId, now }, transaction, cancellationToken));
        }
    }

    /// <summary>Drops the staging tables (the connection goes back to the pool afterwards).</summary>
    public async Task DropAsync(DbConnection connection)
    {
        foreach (var table in new[] { "import_added", "import_updated", "import_consents", "import_audit" })
        {
            await connection.ExecuteAsync(database.Command($"DROP TABLE IF EXISTS {table}", cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>A JSON array of the rows, each with its position ("seq") so the inserts keep file order.</summary>
    private static string Array(IEnumerable<JsonObject> rows)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            row["seq"] = array.Count;
            array.Add(row);
        }
        return array.ToJsonString();
    }

    private static JsonObject PersonRow(People.Person person) => new()
    {
        ["id"] = person.Id.ToString(), ["external_id"] = person.ExternalId, ["kind"] = person.Kind.ToString().ToLowerInvariant(),
        ["first_name"] = person.FirstName, ["last_name"] = person.LastName, ["known_as"] = person.KnownAs, ["year_group"] = person.YearGroup,
        ["active"] = person.Active ? 1 : 0,
    };

    private static JsonObject ConsentRow(ConsentRecord record) => new()
    {
        ["id"] = record.Id.ToString(), ["person_id"] = record.PersonId.ToString(), ["use"] = record.Use,
        ["status"] = record.Status.ToString().ToLowerInvariant(), ["given_by"] = record.GivenBy, ["evidence"] = record.Evidence,
        ["signed_on"] = Date(record.SignedOn), ["valid_from"] = Date(record.ValidFrom), ["valid_until"] = Date(record.ValidUntil),
        ["recorded_by"] = record.RecordedBy,
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Staging(string Added, string Updated, string Consents, string Audit);

    private const string SqlitePerson = """
        json_extract(value, '$.seq') AS seq, json_extract(value, '$.id') AS id, json_extract(value, '$.external_id') AS external_id,
        json_extract(value, '$.kind') AS kind, json_extract(value, '$.first_name') AS first_name, json_extract(value, '$.last_name') AS last_name,
        json_extract(value, '$.known_as') AS known_as, json_extract(value, '$.year_group') AS year_group, json_extract(value, '$.active') AS active
        """;

    private static readonly Staging SqliteStaging = new(
        $"CREATE TEMP TABLE import_added AS SELECT {SqlitePerson} FROM json_each(@rows)",
        $"CREATE TEMP TABLE import_updated AS SELECT {SqlitePerson} FROM json_each(@rows)",
        """
        CREATE TEMP TABLE import_consents AS SELECT json_extract(value, '$.seq') AS seq, json_extract(value, '$.id') AS id,
               json_extract(value, '$.person_id') AS person_id, json_extract(value, '$.use') AS use, json_extract(value, '$.status') AS status,
               json_extract(value, '$.given_by') AS given_by, json_extract(value, '$.evidence') AS evidence, json_extract(value, '$.signed_on') AS signed_on,
               json_extract(value, '$.valid_from') AS valid_from, json_extract(value, '$.valid_until') AS valid_until, json_extract(value, '$.recorded_by') AS recorded_by
        FROM json_each(@rows)
        """,
        """
        CREATE TEMP TABLE import_audit AS SELECT json_extract(value, '$.seq') AS seq, json_extract(value, '$.actor') AS actor,
               json_extract(value, '$.action') AS action, json_extract(value, '$.details') AS details
        FROM json_each(@rows)
        """);

    private const string PostgresPerson = "seq integer, id text, external_id text, kind text, first_name text, last_name text, known_as text, year_group text, active integer";

    private static readonly Staging PostgresStaging = new(
        $"CREATE TEMP TABLE import_added AS SELECT * FROM json_to_recordset(CAST(@rows AS json)) AS r({PostgresPerson})",
        $"CREATE TEMP TABLE import_updated AS SELECT * FROM json_to_recordset(CAST(@rows AS json)) AS r({PostgresPerson})",
        """
        CREATE TEMP TABLE import_consents AS SELECT * FROM json_to_recordset(CAST(@rows AS json)) AS r(seq integer, id text, person_id text, use text,
            status text, given_by text, evidence text, signed_on text, valid_from text, valid_until text, recorded_by text)
        """,
        """
        CREATE TEMP TABLE import_audit AS SELECT seq, actor, action, CAST(details AS text) AS details
        FROM json_to_recordset(CAST(@rows AS json)) AS r(seq integer, actor text, action text, details json)
        """);
}
