using System.Data.Common;
using System.Globalization;
using Dapper;
using PostGuard.Core.Consent;
using PostGuard.Core.Persistence;

namespace PostGuard.Core.People;

/// <summary>Reads and writes a school's people register and consent records. Every query is scoped by school.</summary>
public sealed class PeopleStore(Database database)
{
    private const string PersonColumns = """
        id AS Id, external_id AS ExternalId, kind AS Kind, first_name AS FirstName, last_name AS LastName,
        known_as AS KnownAs, year_group AS YearGroup, active AS Active
        """;

    private const string ConsentColumns = """
        sequence AS Sequence, id AS Id, person_id AS PersonId, use AS Use, status AS Status, given_by AS GivenBy,
        evidence AS Evidence, signed_on AS SignedOn, valid_from AS ValidFrom, valid_until AS ValidUntil,
        recorded_at AS RecordedAt, recorded_by AS RecordedBy
        """;

    /// <summary>Everything a draft of the school is checked against: people and all their consent records.</summary>
    public async Task<PeopleRegister> LoadRegisterAsync(string schoolId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadRegisterAsync(connection, null, schoolId, cancellationToken);
    }

    public async Task<PeopleRegister> LoadRegisterAsync(DbConnection connection, DbTransaction? transaction, string schoolId, CancellationToken cancellationToken)
    {
        // The version first: records read after it are at least that new, so a decision that records
        // this version is re-checked if anything changed since (never the other way round).
        var version = await ConsentVersionAsync(connection, transaction, schoolId, cancellationToken);
        var people = await connection.QueryAsync<PersonRow>(database.Command(
            $"SELECT {PersonColumns} FROM people WHERE school_id = @schoolId ORDER BY last_name, first_name",
            new { schoolId }, transaction, cancellationToken));
        var consents = await connection.QueryAsync<ConsentRow>(database.Command(
            $"SELECT {ConsentColumns} FROM consent_records WHERE school_id = @schoolId ORDER BY sequence",
            new { schoolId }, transaction, cancellationToken));
        return new PeopleRegister([.. people.Select(p => p.ToPerson())], consents.Select(c => c.ToRecord())) { ConsentVersion = version };
    }

    /// <summary>
    /// The school's consent version: bumped in the same transaction as every consent record. Inside a
    /// transaction that stores a decision (<paramref name="lockForDecision"/>) it also takes a share lock on the school's row (PostgreSQL),
    /// so a consent change either commits before (and is seen) or waits until the decision is stored
    /// (and then finds the draft decided). SQLite's write transactions are serialised already.
    /// </summary>
    public async Task<long> ConsentVersionAsync(DbConnection connection, DbTransaction? transaction, string schoolId, CancellationToken cancellationToken, bool lockForDecision = false)
    {
        var lockRow = lockForDecision && transaction is not null && database.Provider == DatabaseProvider.Postgres ? " FOR SHARE" : "";
        return await connection.ExecuteScalarAsync<long?>(database.Command(
            $"SELECT consent_version FROM schools WHERE id = @schoolId{lockRow}", new { schoolId }, transaction, cancellationToken)) ?? 0;
    }

    public async Task<Person?> FindAsync(DbConnection connection, DbTransaction? transaction, string schoolId, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(database.Command(
            $"SELECT {PersonColumns} FROM people WHERE school_id = @schoolId AND id = @id",
            new { schoolId, id = id.ToString() }, transaction, cancellationToken));
        return row?.ToPerson();
    }

    public async Task<Person?> FindByExternalIdAsync(DbConnection connection, DbTransaction? transaction, string schoolId, string externalId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(database.Command(
            $"SELECT {PersonColumns} FROM people WHERE school_id = @schoolId AND external_id = @externalId",
            new { schoolId, externalId }, transaction, cancellationToken));
        return row?.ToPerson();
    }

    /// <summary>Which of the ids belong to people of this school (tags of other schools' people are refused).</summary>
    public async Task<IReadOnlySet<Guid>> ExistingIdsAsync(string schoolId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().Select(i => i.ToString()).ToList();
        if (wanted.Count == 0)
        {
            return new HashSet<Guid>();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = new HashSet<Guid>();
        // Named parameters written out, as both SQLite and PostgreSQL read "IN (@p0, @p1, ...)" alike;
        // in chunks well below SQLite's limit on parameters per statement.
        foreach (var chunk in wanted.Chunk(500))
        {
            var parameters = new DynamicParameters(new { schoolId });
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"p{i}", chunk[i]);
            }
            var list = string.Join(", ", chunk.Select((_, i) => $"@p{i}"));
            found.UnionWith((await connection.QueryAsync<string>(database.Command(
                $"SELECT id FROM people WHERE school_id = @schoolId AND id IN ({list})", parameters, cancellationToken: cancellationToken))).Select(Guid.Parse));
        }
        return found;
    }

    public Task InsertAsync(DbConnection connection, DbTransaction transaction, string schoolId, Person person, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(database.Command(
            """
            INSERT INTO people (id, school_id, external_id, kind, first_name, last_name, known_as, year_group, active, created_at, updated_at)
            VALUES (@Id, @SchoolId, @ExternalId, @Kind, @FirstName, @LastName, @KnownAs, @YearGroup, @Active, @Now, @Now)
            """,
            Parameters(schoolId, person, now), transaction, cancellationToken));

    public Task UpdateAsync(DbConnection connection, DbTransaction transaction, string schoolId, Person person, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(database.Command(
            """
            UPDATE people SET external_id = @ExternalId, kind = @Kind, first_name = @FirstName, last_name = @LastName,
                   known_as = @KnownAs, year_group = @YearGroup, active = @Active, updated_at = @Now
            WHERE id = @Id AND school_id = @SchoolId
            """,
            Parameters(schoolId, person, now), transaction, cancellationToken));

    /// <summary>
    /// Records a consent record and bumps the school's consent version first, in the caller's
    /// transaction: the bump locks the school's row until commit, which orders this change against
    /// every decision of the school's drafts (see <see cref="ConsentVersionAsync"/>).
    /// </summary>
    public async Task InsertConsentAsync(DbConnection connection, DbTransaction transaction, string schoolId, ConsentRecord record, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(database.Command(
            "UPDATE schools SET consent_version = consent_version + 1 WHERE id = @schoolId", new { schoolId }, transaction, cancellationToken));
        await connection.ExecuteAsync(database.Command(
            """
            INSERT INTO consent_records (id, school_id, person_id, use, status, given_by, evidence, signed_on, valid_from, valid_until, recorded_at, recorded_by)
            VALUES (@Id, @SchoolId, @PersonId, @Use, @Status, @GivenBy, @Evidence, @SignedOn, @ValidFrom, @ValidUntil, @RecordedAt, @RecordedBy)
            """,
            new
            {
                Id = record.Id.ToString(), SchoolId = schoolId, PersonId = record.PersonId.ToString(), record.Use,
                Status = record.Status.ToString().ToLowerInvariant(), record.GivenBy, record.Evidence,
                SignedOn = Date(record.SignedOn), ValidFrom = Date(record.ValidFrom), ValidUntil = Date(record.ValidUntil),
                record.RecordedAt, record.RecordedBy,
            }, transaction, cancellationToken));
    }

    /// <summary>Drafts of the school whose current revision tags the person (in any state), by the tags' index.</summary>
    public async Task<IReadOnlyList<Guid>> DraftsTaggingAsync(DbConnection connection, DbTransaction transaction, string schoolId, Guid personId, CancellationToken cancellationToken)
    {
        var ids = await connection.QueryAsync<string>(database.Command(
            """
            SELECT DISTINCT d.id FROM draft_tags t
            JOIN drafts d ON d.id = t.draft_id AND d.revision = t.revision
            WHERE t.school_id = @schoolId AND t.person_id = @personId
            ORDER BY d.id
            """,
            new { schoolId, personId = personId.ToString() }, transaction, cancellationToken));
        return [.. ids.Select(Guid.Parse)];
    }

    /// <summary>
    /// Everyone tagged in the current revision of any of the school's drafts, read once (a CSV import with
    /// many refusals looks only those people's drafts up, instead of querying once per refused row).
    /// </summary>
    public async Task<IReadOnlySet<Guid>> TaggedPeopleAsync(DbConnection connection, DbTransaction transaction, string schoolId, CancellationToken cancellationToken)
    {
        var ids = await connection.QueryAsync<string>(database.Command(
            """
            SELECT DISTINCT t.person_id FROM draft_tags t
            JOIN drafts d ON d.id = t.draft_id AND d.revision = t.revision
            WHERE t.school_id = @schoolId
            """,
            new { schoolId }, transaction, cancellationToken));
        return ids.Select(Guid.Parse).ToHashSet();
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Parameters(string schoolId, Person person, DateTimeOffset now) => new
    {
        Id = person.Id.ToString(), SchoolId = schoolId, person.ExternalId, Kind = person.Kind.ToString().ToLowerInvariant(),
        person.FirstName, person.LastName, person.KnownAs, person.YearGroup, Active = person.Active ? 1 : 0, Now = now,
    };

    private sealed record PersonRow
    {
        public string Id { get; init; } = "";
        public string? ExternalId { get; init; }
        public string Kind { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string? KnownAs { get; init; }
        public string? YearGroup { get; init; }
        public long Active { get; init; }

        public Person ToPerson() => new(Guid.Parse(Id), Enum.Parse<PersonKind>(Kind, ignoreCase: true), FirstName, LastName, KnownAs, Active != 0)
        {
            ExternalId = ExternalId,
            YearGroup = YearGroup,
        };
    }

    private sealed record ConsentRow
    {
        public long Sequence { get; init; }
        public string Id { get; init; } = "";
        public string PersonId { get; init; } = "";
        public string Use { get; init; } = "";
        public string Status { get; init; } = "";
        public string GivenBy { get; init; } = "";
        public string? Evidence { get; init; }
        public string? SignedOn { get; init; }
        public string ValidFrom { get; init; } = "";
        public string? ValidUntil { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public string RecordedBy { get; init; } = "";

        public ConsentRecord ToRecord() => new()
        {
            Id = Guid.Parse(Id),
            PersonId = Guid.Parse(PersonId),
            Use = Use,
            Status = Enum.Parse<ConsentStatus>(Status, ignoreCase: true),
            GivenBy = GivenBy,
            Evidence = Evidence,
            SignedOn = SignedOn is null ? null : DateOnly.ParseExact(SignedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ValidFrom = DateOnly.ParseExact(ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ValidUntil = ValidUntil is null ? null : DateOnly.ParseExact(ValidUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            RecordedAt = RecordedAt,
            RecordedBy = RecordedBy,
            Sequence = Sequence,
        };
    }
}
