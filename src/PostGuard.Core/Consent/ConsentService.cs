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
public sealed class ConsentService(Database database, PeopleStore people, DraftLifecycle lifecycle, AuditTrail audit, TimeProvider time)
{
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
    public async Task<ImportResult> ImportAsync(StaffUser actor, string csv, CancellationToken cancellationToken)
    {
        var rows = PeopleCsv.Parse(csv);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var register = await people.LoadRegisterAsync(connection, transaction, actor.SchoolId, cancellationToken);
            int added = 0, updated = 0, recorded = 0;
            var flagged = new HashSet<Guid>();
            var byExternalId = register.People.Where(p => p.ExternalId is not null).ToDictionary(p => p.ExternalId!, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (!byExternalId.TryGetValue(row.ExternalId, out var person))
                {
                    person = row.Person.Apply(null, $"row {row.Line}.");
                    await people.InsertAsync(connection, transaction, actor.SchoolId, person, now, cancellationToken);
                    await audit.AppendAsync(connection, transaction, PersonEvent(actor, "person.added", person, "import"), cancellationToken);
                    byExternalId[row.ExternalId] = person;
                    added++;
                }
                else
                {
                    var changed = row.Person.Apply(person, $"row {row.Line}.") with { Active = true };
                    if (changed != person)
                    {
                        await people.UpdateAsync(connection, transaction, actor.SchoolId, changed, now, cancellationToken);
                        await audit.AppendAsync(connection, transaction, PersonEvent(actor, "person.updated", changed, "import"), cancellationToken);
                        byExternalId[row.ExternalId] = person = changed;
                        updated++;
                    }
                }
                if (row.Consent is null)
                {
                    continue;
                }
                var record = row.Consent.ToRecord(person.Id, Today(now), now, actor.Email, $"row {row.Line}.");
                if (IsAlreadyRecorded(register, record))
                {
                    continue; // importing the same export again changes nothing
                }
                foreach (var draft in await RecordAsync(connection, transaction, actor, person, record, cancellationToken))
                {
                    flagged.Add(draft);
                }
                recorded++;
            }
            await audit.AppendAsync(connection, transaction, new AuditEvent(actor.SchoolId, actor.Email, "people.imported", null, null, new JsonObject
            {
                ["rows"] = rows.Count, ["peopleAdded"] = added, ["peopleUpdated"] = updated, ["consentsRecorded"] = recorded, ["draftsFlagged"] = flagged.Count,
            }), cancellationToken);
            return new ImportResult(rows.Count, added, updated, recorded, [.. flagged]);
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> RecordAsync(DbConnection connection, DbTransaction transaction, StaffUser actor, Person person, ConsentRecord record, CancellationToken cancellationToken)
    {
        await people.InsertConsentAsync(connection, transaction, actor.SchoolId, record, cancellationToken);
        await audit.AppendAsync(connection, transaction, new AuditEvent(actor.SchoolId, actor.Email, "consent.recorded", null, null, new JsonObject
        {
            ["personId"] = person.Id.ToString(),
            ["externalId"] = person.ExternalId,
            ["use"] = record.Use,
            ["status"] = record.Status.ToString().ToLowerInvariant(),
            ["givenBy"] = record.GivenBy,
            ["validFrom"] = record.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["validUntil"] = record.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }), cancellationToken);
        return record.Status == ConsentStatus.Granted
            ? []
            : await lifecycle.ApplyConsentChangeAsync(connection, transaction, actor, person, record, cancellationToken);
    }

    private static bool IsAlreadyRecorded(PeopleRegister register, ConsentRecord record) =>
        register.ValidRecord(record.PersonId, record.Use, record.ValidFrom) is { } current
        && current.Status == record.Status && current.GivenBy == record.GivenBy && current.Evidence == record.Evidence
        && current.ValidFrom == record.ValidFrom && current.ValidUntil == record.ValidUntil && current.SignedOn == record.SignedOn;

    private async Task EnsureExternalIdFreeAsync(DbConnection connection, DbTransaction transaction, string schoolId, Person person, CancellationToken cancellationToken)
    {
        if (person.ExternalId is not null && await people.FindByExternalIdAsync(connection, transaction, schoolId, person.ExternalId, cancellationToken) is { } other && other.Id != person.Id)
        {
            throw new InputValidationException("externalId", $"'{person.ExternalId}' already belongs to another person in this school");
        }
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

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
