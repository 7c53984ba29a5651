using System.Text.Json;
using PostGuard.Core.Audit;
using PostGuard.Core.Persistence;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Hosting;
using PostGuard.Server.Messaging;

namespace PostGuard.Server.Api;

/// <summary>The HTTP API of drafts, the review queue and the audit trail (/api/v1).</summary>
public static class DraftEndpoints
{
    /// <summary>Authorization policy of the published-media copy.</summary>
    public const string CopyMedia = "copy-media";


    public static void MapDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapPost("/drafts", SubmitAsync).RequireAuthorization(Roles.Uploader).DisableAntiforgery().WithMetadata(new AcceptsBodyAttribute(BodyKind.Draft));
        api.MapGet("/drafts/{id:guid}", GetAsync);
        api.MapGet("/drafts/{id:guid}/media/{position:int}", MediaAsync).RequireAuthorization(CopyMedia);
        api.MapGet("/review-queue", QueueAsync).RequireAuthorization(Roles.Approver);
        api.MapPost("/drafts/{id:guid}/approve", ApproveAsync).RequireAuthorization(Roles.Approver);
        api.MapPost("/drafts/{id:guid}/reject", RejectAsync).RequireAuthorization(Roles.Approver);
        api.MapGet("/drafts/{id:guid}/redaction", RedactionPlanAsync).RequireAuthorization(Roles.Approver);
        api.MapGet("/drafts/{id:guid}/images/{position:int}/redacted-preview", RedactedPreviewAsync).RequireAuthorization(Roles.Approver);
        api.MapPost("/drafts/{id:guid}/approve-redacted", ApproveRedactedAsync).RequireAuthorization(Roles.Approver);
        api.MapPost("/drafts/{id:guid}/revisions", ResubmitAsync).RequireAuthorization(Roles.Uploader).DisableAntiforgery().WithMetadata(new AcceptsBodyAttribute(BodyKind.Draft));
        api.MapGet("/audit", AuditAsync).RequireAuthorization(Roles.Auditor);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, SchoolDirectory schools, SubmissionService submissions, AnalysisRequests analysis, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var school = await schools.FindSchoolAsync(user.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(Guid.Empty);
        var draft = await MultipartDraftReader.ReadAsync(http.Request, cancellationToken);
        var record = await submissions.SubmitAsync(user, school, draft, cancellationToken);
        await analysis.TrySendAsync(record, cancellationToken);
        return Results.Accepted($"/api/v1/drafts/{record.Id}", new { id = record.Id, revision = record.Revision, status = record.Status.ToString() });
    }

    /// <summary>A photo of an approved draft as it may be published: a JPEG with no metadata at all (409 before approval or after a takedown).</summary>
    internal static async Task<IResult> MediaAsync(Guid id, int position, HttpContext http, PublishedMedia media, CancellationToken cancellationToken)
    {
        var copy = await media.GetAsync(CurrentUser.From(http.User), id, position, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(copy.Jpeg, "image/jpeg", copy.FileName);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, DraftStore drafts, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var draft = await drafts.FindAsync(user.SchoolId, id, cancellationToken) ?? throw new DraftNotFoundException(id);
        var revision = await drafts.FindRevisionAsync(id, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(id);
        var decision = draft.Status == DraftStatus.Decided ? await drafts.FindDecisionAsync(id, draft.Revision, cancellationToken) : null;
        return Results.Json(DraftView.From(draft, revision, decision), Json.Options);
    }

    private static async Task<IResult> QueueAsync(HttpContext http, ReviewQueue queue, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var items = await queue.ListAsync(user.SchoolId, cancellationToken);
        return Results.Json(new { items }, Json.Options);
    }

    private static async Task<IResult> ApproveAsync(Guid id, HttpContext http, SchoolDirectory schools, DraftLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var school = await schools.FindSchoolAsync(user.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(id);
        var draft = await lifecycle.ApproveAsync(user, school, id, body.Reason, body.EarliestPublishAt, cancellationToken);
        return Results.Json(new { id = draft.Id, revision = draft.Revision, reviewState = draft.ReviewState.ToString(), earliestPublishAt = draft.EarliestPublishAt }, Json.Options);
    }

    /// <summary>Each photo's faces, who they are, their standing and whether redaction hides them by default.</summary>
    private static async Task<IResult> RedactionPlanAsync(Guid id, HttpContext http, RedactionService redaction, CancellationToken cancellationToken)
    {
        var plan = await redaction.PlanAsync(CurrentUser.From(http.User), id, cancellationToken);
        return Results.Json(new
        {
            id = plan.DraftId,
            revision = plan.Revision,
            images = plan.Photos.Select(p => new
            {
                position = p.Position,
                readable = p.Report is not null,
                redactByDefault = p.DefaultChoice,
                faces = p.Faces.Select(f => new
                {
                    index = f.Index,
                    box = f.Face.Box,
                    identifiable = f.Face.Identifiable,
                    standing = f.Standing.ToString(),
                    person = f.Person is null ? null : new { id = f.Person.Id, name = f.Person.DisplayName },
                }),
            }),
        }, Json.Options);
    }

    /// <summary>A photo as it would be published with the faces in ?faces=1,3 hidden (default: those that block or nobody accounts for).</summary>
    internal static async Task<IResult> RedactedPreviewAsync(Guid id, int position, string? faces, HttpContext http, RedactionService redaction, CancellationToken cancellationToken)
    {
        var jpeg = await redaction.PreviewAsync(CurrentUser.From(http.User), id, position, ParseFaceList(faces), cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(jpeg, "image/jpeg");
    }

    /// <summary>
    /// Hides the chosen faces (body "faces": {"0": [1, 3]}; default per photo: those that block or nobody
    /// accounts for), re-checks the result with the kept faces' bindings (it must not Block: 409 with the
    /// reasons) and approves it as the next revision.
    /// </summary>
    private static async Task<IResult> ApproveRedactedAsync(Guid id, HttpContext http, RedactionService redaction, CancellationToken cancellationToken)
    {
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var chosen = body.Faces?.ToDictionary(p => p.Key, p => (IReadOnlyList<int>)p.Value);
        var approved = await redaction.ApproveRedactedAsync(CurrentUser.From(http.User), id, chosen, body.Reason, body.EarliestPublishAt, cancellationToken);
        return Results.Json(new
        {
            id = approved.Draft.Id,
            revision = approved.Draft.Revision,
            reviewState = approved.Draft.ReviewState.ToString(),
            decision = approved.Decision.Decision.ToString(),
            earliestPublishAt = approved.Draft.EarliestPublishAt,
            findings = approved.Decision.Findings,
        }, Json.Options);
    }

    /// <summary>The uploader's edited draft as the next revision of the same draft (multipart, as for a new draft); analysed afresh.</summary>
    private static async Task<IResult> ResubmitAsync(Guid id, HttpContext http, SchoolDirectory schools, SubmissionService submissions, AnalysisRequests analysis, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var school = await schools.FindSchoolAsync(user.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(id);
        var draft = await MultipartDraftReader.ReadAsync(http.Request, cancellationToken);
        var record = await submissions.ResubmitAsync(user, school, id, draft, expectedVersion: null, cancellationToken);
        await analysis.TrySendAsync(record, cancellationToken);
        return Results.Accepted($"/api/v1/drafts/{record.Id}", new { id = record.Id, revision = record.Revision, status = record.Status.ToString() });
    }

    private static async Task<IResult> RejectAsync(Guid id, HttpContext http, DraftLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var draft = await lifecycle.RejectAsync(CurrentUser.From(http.User), id, body.Reason, cancellationToken);
        return Results.Json(new { id = draft.Id, revision = draft.Revision, reviewState = draft.ReviewState.ToString() }, Json.Options);
    }

    /// <summary>"1,3" → [1, 3]; null or empty → null (the default choice); anything else names the field.</summary>
    internal static IReadOnlyList<int>? ParseFaceList(string? faces)
    {
        if (faces is null)
        {
            return null;
        }
        var list = new List<int>();
        foreach (var part in faces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var face))
            {
                throw new InputValidationException("faces", $"'{part}' is not a face index (faces=1,3)");
            }
            list.Add(face);
        }
        return list;
    }

    private static async Task<IResult> AuditAsync(HttpContext http, AuditTrail audit, Guid? draftId, int? limit, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var events = await audit.ReadAsync(user.SchoolId, draftId, limit ?? 200, cancellationToken);
        return Results.Json(new
        {
            events = events.Select(e => new { e.Id, e.At, e.Actor, e.Action, e.DraftId, e.Revision, details = e.Details }),
        }, Json.Options);
    }

    private static async Task<ReviewActionRequest> ReadReviewActionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return new ReviewActionRequest();
        }
        if (!request.HasJsonContentType())
        {
            throw new InputValidationException("body", "must be JSON (Content-Type: application/json)");
        }
        try
        {
            return await request.ReadFromJsonAsync<ReviewActionRequest>(Json.Options, cancellationToken) ?? new ReviewActionRequest();
        }
        catch (JsonException ex)
        {
            throw new InputValidationException(ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", $"is not valid JSON: {ex.Message.Split(" Path:")[0]}");
        }
    }
}
