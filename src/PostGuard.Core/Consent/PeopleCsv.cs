using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PostGuard.Core.People;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Consent;

/// <summary>
/// The people and consent CSV, shaped like a typical MIS export (Arbor, SIMS, Bromcom): one row per
/// person and consent use. Columns (header names, any order, case-insensitive):
/// <c>external_id, kind, first_name, last_name, known_as, year_group, use, status, given_by, evidence,
/// signed_on, valid_from, valid_until</c>. Required: external_id, first_name, last_name; a row with
/// an empty <c>use</c> records the person without consent. Dates are yyyy-mm-dd or dd/mm/yyyy.
/// Parsing checks every row and reports every problem at once, naming row and column; nothing is
/// imported from a file with any bad row.
/// </summary>
public static class PeopleCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["external_id", "kind", "first_name", "last_name", "known_as", "year_group", "use", "status", "given_by", "evidence", "signed_on", "valid_from", "valid_until"];

    private static readonly string[] RequiredColumns = ["external_id", "first_name", "last_name"];

    /// <summary>The most data rows a file may have (the header not counted).</summary>
    public const int MaxRows = 20_000;

    /// <summary>One valid row: the person and, when the row has a use, their consent for it.</summary>
    public sealed record Row(int Line, string ExternalId, PersonInput Person, ConsentInput? Consent);

    /// <summary>A CSV already in memory (a string reader completes at once).</summary>
    public static IReadOnlyList<Row> Parse(string text) => ParseAsync(new StringReader(text.TrimStart('\uFEFF')), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Reads the CSV as it arrives (the caller bounds its size); a byte-order mark at the start is ignored.</summary>
    public static async Task<IReadOnlyList<Row>> ParseAsync(TextReader text, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var rows = new List<Row>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => HeaderName(a.Header),
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvReader(text, configuration, leaveOpen: true);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new InputValidationException("file", $"is empty; the first line must be a header with the columns {string.Join(", ", Columns)}");
        }
        var headers = csv.HeaderRecord.Select(HeaderName).ToList();
        foreach (var missing in RequiredColumns.Where(c => !headers.Contains(c)))
        {
            errors.Add(new InputError($"header.{missing}", "required column is missing"));
        }
        foreach (var unknown in headers.Where(h => !Columns.Contains(h)))
        {
            errors.Add(new InputError($"header.{unknown}", $"unknown column (expected {string.Join(", ", Columns)})"));
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var seenUse = new Dictionary<(string, string), int>();
        var seenPerson = new Dictionary<string, (int Line, string Identity)>(StringComparer.Ordinal);
        var dataRows = 0;
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.Parser.RawRow;
            if (++dataRows > MaxRows)
            {
                throw new InputValidationException("file", $"has more than {MaxRows} rows; split it");
            }
            string? Field(string name) => headers.Contains(name) ? NullIfEmpty(csv.GetField(name)) : null;
            var rowErrors = new List<InputError>();
            void Error(string column, string message) => rowErrors.Add(new InputError($"row {line}.{column}", message));

            var externalId = Field("external_id");
            if (externalId is null)
            {
                Error("external_id", "is required");
            }
            var person = new PersonInput
            {
                ExternalId = externalId,
                Kind = Field("kind") ?? "pupil",
                FirstName = Field("first_name"),
                LastName = Field("last_name"),
                KnownAs = Field("known_as"),
                YearGroup = Field("year_group"),
            };
            try
            {
                person.Apply(null, "");
            }
            catch (InputValidationException invalid)
            {
                rowErrors.AddRange(invalid.Errors.Select(e => new InputError($"row {line}.{Snake(e.Field)}", e.Message)));
            }

            ConsentInput? consent = null;
            var use = Field("use");
            var status = Field("status");
            if (use is null && status is not null)
            {
                Error("use", $"is empty but status is '{status}'");
            }
            else if (use is not null)
            {
                consent = new ConsentInput
                {
                    Use = use,
                    Status = status,
                    GivenBy = Field("given_by"),
                    Evidence = Field("evidence"),
                    SignedOn = ParseDate(Field("signed_on"), "signed_on", Error),
                    ValidFrom = ParseDate(Field("valid_from"), "valid_from", Error),
                    ValidUntil = ParseDate(Field("valid_until"), "valid_until", Error),
                };
                try
                {
                    consent.ToRecord(Guid.Empty, DateOnly.MinValue, DateTimeOffset.MinValue, "import", "");
                }
                catch (InputValidationException invalid)
                {
                    rowErrors.AddRange(invalid.Errors.Select(e => new InputError($"row {line}.{Snake(e.Field)}", e.Message)));
                }
            }

            if (externalId is not null)
            {
                var identity = $"{person.Kind?.Trim().ToLowerInvariant()}|{person.FirstName}|{person.LastName}|{person.KnownAs}|{person.YearGroup}";
                if (seenPerson.TryGetValue(externalId, out var earlier) && earlier.Identity != identity)
                {
                    Error("external_id", $"duplicate id '{externalId}' with different details from row {earlier.Line}");
                }
                else if (!seenPerson.ContainsKey(externalId))
                {
                    seenPerson[externalId] = (line, identity);
                }
                var useKey = (externalId, use?.Trim().ToLowerInvariant() ?? "");
                if (seenUse.TryGetValue(useKey, out var first))
                {
                    Error("external_id", use is null
                        ? $"duplicate id '{externalId}' (also row {first})"
                        : $"duplicate id '{externalId}' for use '{use}' (also row {first})");
                }
                else
                {
                    seenUse[useKey] = line;
                }
            }
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
            }
            else
            {
                rows.Add(new Row(line, externalId!, person, consent));
            }
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
        if (rows.Count == 0)
        {
            throw new InputValidationException("file", "has a header but no rows");
        }
        return rows;
    }

    /// <summary>An in-memory register from parsed rows (the check verb's --register), people keyed by external id.</summary>
    public static PeopleRegister BuildRegister(IReadOnlyList<Row> rows, DateTimeOffset now)
    {
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        var consents = new List<ConsentRecord>();
        var sequence = 0L;
        foreach (var row in rows)
        {
            if (!people.TryGetValue(row.ExternalId, out var person))
            {
                people[row.ExternalId] = person = row.Person.Apply(null, $"row {row.Line}.");
            }
            if (row.Consent is not null)
            {
                consents.Add(row.Consent.ToRecord(person.Id, DateOnly.FromDateTime(now.UtcDateTime), now, "csv", $"row {row.Line}.") with { Sequence = ++sequence });
            }
        }
        return new PeopleRegister([.. people.Values], consents);
    }

    private static DateOnly? ParseDate(string? value, string column, Action<string, string> error)
    {
        if (value is null)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
        if (DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        error(column, $"'{value}' is not a date (yyyy-mm-dd or dd/mm/yyyy)");
        return null;
    }

    private static string HeaderName(string header) => header.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_');

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Snake(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
