using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
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
        var people = app.MapGroup("/api/v1/people").RequireAuthorization().WithApiProblems().WithTags("People and consent");
        people.MapGet("", ListAsync).RequireAuthorization(ReadPeople)
            .WithSummary("The people register with each person's consent per use on a date (?on=yyyy-mm-dd, default today)").ProducesValidationProblem();
        people.MapGet("/{id:guid}", GetAsync).RequireAuthorization(ReadPeople)
            .WithSummary("One person, with their consent history (not shown to uploaders)").ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("", AddAsync).RequireAuthorization(Roles.ConsentAdmin)
            .WithSummary("Add a person to the register").WithJsonBody<PersonInput>().ProducesValidationProblem();
        people.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(Roles.ConsentAdmin)
            .WithSummary("Change a person (fields left out stay as they are)").WithJsonBody<PersonInput>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/{id:guid}/consents", RecordConsentAsync).RequireAuthorization(Roles.ConsentAdmin)
            .WithSummary("Record a consent, refusal or withdrawal; lists the drafts it flagged").WithJsonBody<ConsentInput>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/import", ImportAsync).RequireAuthorization(Roles.ConsentAdmin).DisableAntiforgery()
            .WithSummary("Import the register and consent from CSV (all rows or none): the text/csv body, or a multipart file part named 'file'")
            .WithCsvImportBody().WithMetadata(new AcceptsBodyAttribute(BodyKind.Csv)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<Ok<PeopleListView>> ListAsync(HttpContext http, PeopleStore store, TimeProvider time, string? on, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var date = ParseDate(on, "on") ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var register = await store.LoadRegisterAsync(user.SchoolId, cancellationToken);
        return TypedResults.Ok(new PeopleListView(date, [.. register.People.Select(p => PersonView.From(register, p, date))]));
    }

    private static async Task<Ok<PersonDetailsView>> GetAsync(Guid id, HttpContext http, PeopleStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var register = await store.LoadRegisterAsync(user.SchoolId, cancellationToken);
        var person = register.Find(id) ?? throw new PersonNotFoundException(id);
        var date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var history = user.Role == Roles.Uploader ? null : register.History(id);
        return TypedResults.Ok(new PersonDetailsView(PersonView.From(register, person, date), history));
    }

    private static async Task<Created<Person>> AddAsync(HttpContext http, ConsentService consent, CancellationToken cancellationToken)
    {
        var input = await ReadJsonAsync<PersonInput>(http.Request, cancellationToken);
        var person = await consent.AddPersonAsync(CurrentUser.From(http.User), input, cancellationToken);
        return TypedResults.Created($"/api/v1/people/{person.Id}", person);
    }

    private static async Task<Ok<Person>> UpdateAsync(Guid id, HttpContext http, ConsentService consent, CancellationToken cancellationToken)
    {
        var input = await ReadJsonAsync<PersonInput>(http.Request, cancellationToken);
        return TypedResults.Ok(await consent.UpdatePersonAsync(CurrentUser.From(http.User), id, input, cancellationToken));
    }

    private static async Task<Created<ConsentService.ConsentChange>> RecordConsentAsync(Guid id, HttpContext http, ConsentService consent, Web.BlockedDraftAnnouncer announcer, CancellationToken cancellationToken)
    {
        var input = await ReadJsonAsync<ConsentInput>(http.Request, cancellationToken);
        var user = CurrentUser.From(http.User);
        var change = await consent.RecordConsentAsync(user, id, input, cancellationToken);
        // Drafts the change blocked need the headteacher: announce them so the workers notify.
        await announcer.AnnounceAsync(user.SchoolId, change.DraftsFlagged, cancellationToken);
        return TypedResults.Created((string?)null, change);
    }

    /// <summary>
    /// The CSV as the body (text/csv) or as a multipart file part named "file", read as it arrives (the
    /// route's body limit, BodyLimits:CsvBytes, bounds it; more is a 413).
    /// </summary>
    private static async Task<Ok<ConsentService.ImportResult>> ImportAsync(HttpContext http, ConsentService consent, Web.BlockedDraftAnnouncer announcer, CancellationToken cancellationToken)
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
        return TypedResults.Ok(result);
    }

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
