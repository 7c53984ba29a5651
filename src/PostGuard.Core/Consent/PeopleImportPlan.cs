using PostGuard.Core.People;

namespace PostGuard.Core.Consent;

/// <summary>
/// What importing checked CSV rows into a school's register would change, worked out in memory from the
/// register as read (no transaction open): people to add, people whose details change (and who become
/// active again), and consent records to add, in file order. Idempotent by external id: a row that
/// matches what is on record adds nothing. The refusals and withdrawals among the new records are the
/// ones that may put drafts up for takedown.
/// </summary>
public sealed class PeopleImportPlan
{
    private PeopleImportPlan()
    {
    }

    /// <summary>One change, in the order the rows gave them (the audit trail keeps that order).</summary>
    public abstract record Change;
    public sealed record AddPerson(Person Person) : Change;
    public sealed record UpdatePerson(Person Person) : Change;
    public sealed record RecordConsent(Person Person, ConsentRecord Record) : Change;

    public IReadOnlyList<Change> Changes { get; private init; } = [];

    public int Rows { get; private init; }

    public int PeopleAdded => Changes.Count(c => c is AddPerson);

    public int PeopleUpdated => Changes.Count(c => c is UpdatePerson);

    public int ConsentsRecorded => Changes.Count(c => c is RecordConsent);

    /// <summary>New records that are not a grant: each may block drafts that tag its person.</summary>
    public IEnumerable<RecordConsent> Refusals => Changes.OfType<RecordConsent>().Where(c => c.Record.Status != ConsentStatus.Granted);

    public static PeopleImportPlan Create(IReadOnlyList<PeopleCsv.Row> rows, PeopleRegister register, DateOnly today, DateTimeOffset now, string recordedBy)
    {
        var changes = new List<Change>();
        var byExternalId = register.People.Where(p => p.ExternalId is not null).ToDictionary(p => p.ExternalId!, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byExternalId.TryGetValue(row.ExternalId, out var person))
            {
                person = row.Person.Apply(null, $"row {row.Line}.");
                changes.Add(new AddPerson(person));
                byExternalId[row.ExternalId] = person;
            }
            else
            {
                var updated = row.Person.Apply(person, $"row {row.Line}.") with { Active = true };
                if (updated != person)
                {
                    changes.Add(new UpdatePerson(updated));
                    byExternalId[row.ExternalId] = person = updated;
                }
            }
            if (row.Consent is null)
            {
                continue;
            }
            var record = row.Consent.ToRecord(person.Id, today, now, recordedBy, $"row {row.Line}.");
            if (!IsAlreadyRecorded(register, record))
            {
                changes.Add(new RecordConsent(person, record));
            }
        }
        return new PeopleImportPlan { Changes = changes, Rows = rows.Count };
    }

    /// <summary>Importing the same export again changes nothing: the record in force for that date says the same.</summary>
    private static bool IsAlreadyRecorded(PeopleRegister register, ConsentRecord record) =>
        register.ValidRecord(record.PersonId, record.Use, record.ValidFrom) is { } current
        && current.Status == record.Status && current.GivenBy == record.GivenBy && current.Evidence == record.Evidence
        && current.ValidFrom == record.ValidFrom && current.ValidUntil == record.ValidUntil && current.SignedOn == record.SignedOn;
}
