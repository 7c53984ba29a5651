using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using PostGuard.Core.Audit;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Consent;

/// <summary>
/// The consent admin's side: the people register, consent records, CSV import (all or nothing) and
/// withdrawal. A withdrawal or refusal takes effect at once, in the transaction that records it: every
/// draft of the school that tags the person, in any state, gets a Block notice through
/// <see cref="DraftLifecycle.ApplyConsentChangeAsync"/> (a takedown if it was approved).
/// Every change is audited with who and when.
/// </summary>
public sealed class ConsentService(Database database, PeopleStore people, DraftLifecycle lifecycle, AuditTrail audit, PeopleImportWriter writer, TimeProvider time)
{
    /// <summary>Times an import is planned when the register keeps changing between planning and writing.</summary>
    private const int ImportAttempts = 3;

    /// <summary>What an import changed.</summary>
    public sealed record ImportResult(int Rows, int PeopleAdded, int PeopleUpdated, int ConsentsRecorded, IReadOnlyList<Guid> DraftsFlagged);

    /// <summary>A recorded consent and the drafts it flagged for takedown.</summary>
    public sealed record ConsentChange(ConsentRecord Record, IReadOnlyList<Guid> DraftsFlagged);

    public async Task<Person> AddPersonAsync(StaffUser actor, PersonInput input, CancellationToken cancellationToken)
    {
        var person = input.Apply(null, "");
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            await EnsureExternalIdFreeAsync(connection, transaction, actor.SchoolId, person, cancellationToken);
            await people.InsertAsync(connection, transaction, actor.SchoolId, person, time.GetUtcNow(), cancellationToken);
            await audit.AppendAsync(connection, transaction, PersonEvent(actor, "person.added", person), cancellationToken);
            return person;
        }, cancellationToken);
    }

    public async Task<Person> UpdatePersonAsync(StaffUser actor, Guid id, PersonInput patch, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var existing = await people.FindAsync(connection, transaction, actor.SchoolId, id, cancellationToken)
                ?? throw new PersonNotFoundException(id);
            var person = patch.Apply(existing, "");
            await EnsureExternalIdFreeAsync(connection, transaction, actor.SchoolId, person, cancellationToken);
            await people.UpdateAsync(connection, transaction, actor.SchoolId, person, time.GetUtcNow(), cancellationToken);
            await audit.AppendAsync(connection, transaction, PersonEvent(actor, "person.updated", person), cancellationToken);
            return person;
        }, cancellationToken);

    public async Task<ConsentChange> RecordConsentAsync(StaffUser actor, Guid personId, ConsentInput input, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var person = await people.FindAsync(connection, transaction, actor.SchoolId, personId, cancellationToken)
                ?? throw new PersonNotFoundException(personId);
            var now = time.GetUtcNow();
            var record = input.ToRecord(person.Id, Today(now), now, actor.Email, "");
            var flagged = await RecordAsync(connection, transaction, actor, person, record, cancellationToken);
            return new ConsentChange(record, flagged);
        }, cancellationToken);

    /// <summary>Imports a CSV (see <see cref="PeopleCsv"/>): every row is checked first; any bad row rejects the file and changes nothing.</summary>
    public Task<ImportResult> ImportAsync(StaffUser actor, string csv, CancellationToken cancellationToken) =>
        ImportAsync(actor, new StringReader(csv), cancellationToken);

    /// <summary>
    /// Imports a CSV read from <paramref name="csv"/>, all or nothing, without a long write transaction.
    /// Before any transaction: the rows are parsed and checked, the changes planned in memory against the
    /// register as read (<see cref="PeopleImportPlan"/>) and put into the connection's temporary tables,
    /// which lock nothing (<see cref="PeopleImportWriter"/>). Then one short transaction checks that the
    /// school's register is still the one planned against, moves the rows in with one statement per table,
    /// flags the drafts that tag a person whose consent was refused or withdrawn (the school's current tags
    /// read once, then looked up by the tags' index only for people tagged somewhere) and audits the
    /// import. If the register changed meanwhile, the import is planned again.
    /// </summary>
    public async Task<ImportResult> ImportAsync(StaffUser actor, TextReader csv, CancellationToken cancellationToken)
    {
        var rows = await PeopleCsv.ParseAsync(csv, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var connection = await database.OpenAsync(cancellationToken);
            var planned = await writer.VersionAsync(connection, null, actor.SchoolId, cancellationToken);
            var register = await people.LoadRegisterAsync(connection, null, actor.SchoolId, cancellationToken);
            var plan = PeopleImportPlan.Create(rows, register, Today(now), now, actor.Email);
            var entries = plan.Changes.Select(change => change switch
            {
                PeopleImportPlan.AddPerson add => PersonEvent(actor, "person.added", add.Person, "import"),
                PeopleImportPlan.UpdatePerson update => PersonEvent(actor, "person.updated", update.Person, "import"),
                PeopleImportPlan.RecordConsent consent => ConsentEvent(actor, consent.Person, consent.Record),
                _ => throw new InvalidOperationException(change.GetType().Name),
            }).ToList();
            try
            {
                await writer.StageAsync(connection, PeopleImportWriter.Serialise(plan, entries), cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    // One import of a school at a time (on SQLite the write transaction already is the only one).
                    await connection.ExecuteAsync(database.Command("SELECT id FROM schools WHERE id = @schoolId FOR UPDATE", new { schoolId = actor.SchoolId }, transaction, cancellationToken));
                }
                if (await writer.VersionAsync(connection, transaction, actor.SchoolId, cancellationToken) == planned)
                {
                    await writer.WriteAsync(connection, transaction, actor.SchoolId, plan.ConsentsRecorded > 0, now, cancellationToken);
                    var flagged = new HashSet<Guid>();
                    var refusals = plan.Refusals.ToList();
                    if (refusals.Count > 0)
                    {
                        // Who is tagged in any draft's current revision, read once: only their refusals need the drafts looked up.
                        var tagged = await people.TaggedPeopleAsync(connection, transaction, actor.SchoolId, cancellationToken);
                        foreach (var refusal in refusals.Where(r => tagged.Contains(r.Person.Id)))
                        {
                            flagged.UnionWith(await lifecycle.ApplyConsentChangeAsync(connection, transaction, actor, refusal.Person, refusal.Record, cancellationToken));
                        }
                    }
                    await audit.AppendAsync(connection, transaction, new AuditEvent(actor.SchoolId, actor.Email, "people.imported", null, null, new JsonObject
                    {
                        ["rows"] = plan.Rows, ["peopleAdded"] = plan.PeopleAdded, ["peopleUpdated"] = plan.PeopleUpdated, ["consentsRecorded"] = plan.ConsentsRecorded, ["draftsFlagged"] = flagged.Count,
                    }), cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return new ImportResult(plan.Rows, plan.PeopleAdded, plan.PeopleUpdated, plan.ConsentsRecorded, [.. flagged]);
                }
            }
            finally
            {
                await writer.DropAsync(connection);
            }
            if (attempt == ImportAttempts)
            {
                throw new Review.ReviewConflictException("The school's register kept changing while the import was being prepared; nothing was imported. Import the file again.");
            }
        }
    }

    private async Task<IReadOnlyList<Guid>> RecordAsync(DbConnection connection, DbTransaction transaction, StaffUser actor, Person person, ConsentRecord record, CancellationToken cancellationToken)
    {
        await people.InsertConsentAsync(connection, transaction, actor.SchoolId, record, cancellationToken);
        await audit.AppendAsync(connection, transaction, ConsentEvent(actor, person, record), cancellationToken);
        return record.Status == ConsentStatus.Granted
            ? []
            : await lifecycle.ApplyConsentChangeAsync(connection, transaction, actor, person, record, cancellationToken);
    }

    private async Task EnsureExternalIdFreeAsync(DbConnection connection, DbTransaction transaction, string schoolId, Person person, CancellationToken cancellationToken)
    {
        if (person.ExternalId is not null && await people.FindByExternalIdAsync(connection, transaction, schoolId, person.ExternalId, cancellationToken) is { } other && other.Id != person.Id)
        {
            throw new InputValidationException("externalId", $"'{person.ExternalId}' already belongs to another person in this school");
        }
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static AuditEvent ConsentEvent(StaffUser actor, Person person, ConsentRecord record) =>
        new(actor.SchoolId, actor.Email, "consent.recorded", null, null, new JsonObject
        {
            ["personId"] = person.Id.ToString(),
            ["externalId"] = person.ExternalId,
            ["use"] = record.Use,
            ["status"] = record.Status.ToString().ToLowerInvariant(),
            ["givenBy"] = record.GivenBy,
            ["validFrom"] = record.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["validUntil"] = record.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

    private static AuditEvent PersonEvent(StaffUser actor, string action, Person person, string? source = null) =>
        new(actor.SchoolId, actor.Email, action, null, null, new JsonObject
        {
            ["personId"] = person.Id.ToString(),
            ["externalId"] = person.ExternalId,
            ["kind"] = person.Kind.ToString().ToLowerInvariant(),
            ["name"] = person.DisplayName,
            ["active"] = person.Active,
            ["source"] = source ?? "api",
        });
}

/// <summary>The person does not exist in the caller's school (404).</summary>
public sealed class PersonNotFoundException(Guid id) : Exception($"Person {id} was not found")
{
    public Guid PersonId { get; } = id;
}
