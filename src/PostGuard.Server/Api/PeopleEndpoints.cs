using System.Globalization;
using System.Text;
using System.Text.Json;
using PostGuard.Core.Consent;
using PostGuard.Core.People;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Hosting;

namespace PostGuard.Server.Api;

/// <summary>The people register and consent records (/api/v1/people): consent admins write; uploaders, approvers and auditors read.</summary>
public static class PeopleEndpoints
{
    public const string ReadPeople = "read-people";

    public static void MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people").RequireAuthorization();
        people.MapGet("", ListAsync).RequireAuthorization(ReadPeople);
        people.MapGet("/{id:guid}", GetAsync).RequireAuthorization(ReadPeople);
        people.MapPost("", AddAsync).RequireAuthorization(Roles.ConsentAdmin);
        people.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(Roles.ConsentAdmin);
        people.MapPost("/{id:guid}/consents", RecordConsentAsync).RequireAuthorization(Roles.ConsentAdmin);
        people.MapPost("/import", ImportAsync).RequireAuthorization(Roles.ConsentAdmin).DisableAntiforgery().WithMetadata(new AcceptsBodyAttribute(BodyKind.Csv));
    }

    private static async Task<IResult> ListAsync(HttpContext http, PeopleStore store, TimeProvider time, string? on, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var date = ParseDate(on, "on") ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var register = await store.LoadRegisterAsync(user.SchoolId, cancellationToken);
        return Results.Json(new { on = date, people = register.People.Select(p => View(register, p, date)) }, Json.Options);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, PeopleStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var register = await store.LoadRegisterAsync(user.SchoolId, cancellationToken);
        var person = register.Find(id) ?? throw new PersonNotFoundException(id);
        var date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var history = user.Role == Roles.Uploader ? null : register.History(id);
        return Results.Json(new { person = View(register, person, date), history }, Json.Options);
    }

    private static async Task<IResult> AddAsync(HttpContext http, ConsentService consent, CancellationToken cancellationToken)
    {
        var input = await ReadJsonAsync<PersonInput>(http.Request, cancellationToken);
        var person = await consent.AddPersonAsync(CurrentUser.From(http.User), input, cancellationToken);
        return Results.Json(person, Json.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, ConsentService consent, CancellationToken cancellationToken)
    {
        var input = await ReadJsonAsync<PersonInput>(http.Request, cancellationToken);
        return Results.Json(await consent.UpdatePersonAsync(CurrentUser.From(http.User), id, input, cancellationToken), Json.Options);
    }

    private static async Task<IResult> RecordConsentAsync(Guid id, HttpContext http, ConsentService consent, Web.BlockedDraftAnnouncer announcer, CancellationToken cancellationToken)
    {
        var input = await ReadJsonAsync<ConsentInput>(http.Request, cancellationToken);
        var user = CurrentUser.From(http.User);
        var change = await consent.RecordConsentAsync(user, id, input, cancellationToken);
        // Drafts the change blocked need the headteacher: announce them so the workers notify.
        await announcer.AnnounceAsync(user.SchoolId, change.DraftsFlagged, cancellationToken);
        return Results.Json(new { record = change.Record, draftsFlagged = change.DraftsFlagged }, Json.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// The CSV as the body (text/csv) or as a multipart file part named "file", read as it arrives (the
    /// route's body limit, BodyLimits:CsvBytes, bounds it; more is a 413).
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpContext http, ConsentService consent, Web.BlockedDraftAnnouncer announcer, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        ConsentService.ImportResult result;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? throw new InputValidationException("file", "upload the CSV as a file part named 'file' (or send it as the text/csv body)");
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            result = await consent.ImportAsync(user, reader, cancellationToken);
        }
        else
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            result = await consent.ImportAsync(user, reader, cancellationToken);
        }
        await announcer.AnnounceAsync(user.SchoolId, result.DraftsFlagged, cancellationToken);
        return Results.Json(result, Json.Options);
    }

    private static object View(PeopleRegister register, Person person, DateOnly date) => new
    {
        person.Id,
        person.ExternalId,
        kind = person.Kind.ToString().ToLowerInvariant(),
        person.FirstName,
        person.LastName,
        person.KnownAs,
        person.YearGroup,
        person.Active,
        consent = ConsentUses.All.ToDictionary(use => use, use => register.ValidRecord(person.Id, use, date)?.Status.ToString().ToLowerInvariant() ?? "none"),
    };

    private static DateOnly? ParseDate(string? value, string field) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InputValidationException(field, $"'{value}' is not a date (yyyy-mm-dd)");

    private static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw new InputValidationException("body", "must be JSON (Content-Type: application/json)");
        }
        try
        {
            return await request.ReadFromJsonAsync<T>(Json.Options, cancellationToken) ?? throw new InputValidationException("body", "must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InputValidationException(ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", $"is not valid: {ex.Message.Split(" Path:")[0]}");
        }
    }
}
