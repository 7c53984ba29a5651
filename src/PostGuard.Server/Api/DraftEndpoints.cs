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

    private static async Task<IResult> QueueAsync(HttpContext http, ReviewService review, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var items = await review.QueueAsync(user.SchoolId, cancellationToken);
        return Results.Json(new { items }, Json.Options);
    }

    private static async Task<IResult> ApproveAsync(Guid id, HttpContext http, ReviewService review, CancellationToken cancellationToken)
    {
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var draft = await review.ApproveAsync(CurrentUser.From(http.User), id, body.Reason, body.EarliestPublishAt, cancellationToken);
        return Results.Json(new { id = draft.Id, revision = draft.Revision, reviewState = draft.ReviewState.ToString(), earliestPublishAt = draft.EarliestPublishAt }, Json.Options);
    }

    /// <summary>Blurs every detected face, re-checks the result (it must not Block: 409 with the reasons) and approves it as the next revision.</summary>
    private static async Task<IResult> ApproveRedactedAsync(Guid id, HttpContext http, RedactionService redaction, CancellationToken cancellationToken)
    {
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var approved = await redaction.ApproveRedactedAsync(CurrentUser.From(http.User), id, body.Reason, body.EarliestPublishAt, cancellationToken);
        return Results.Json(new
        {
            id = approved.Draft.Id,
            revision = approved.Draft.Revision,
            reviewState = approved.Draft.ReviewState.ToString(),
            decision = approved.Recheck.Decision.ToString(),
            earliestPublishAt = approved.Draft.EarliestPublishAt,
            facesBlurred = approved.FacesBlurred,
            findings = approved.Recheck.Findings,
        }, Json.Options);
    }

    /// <summary>The uploader's edited draft as the next revision of the same draft (multipart, as for a new draft); analysed afresh.</summary>
    private static async Task<IResult> ResubmitAsync(Guid id, HttpContext http, SchoolDirectory schools, ReviewService review, AnalysisRequests analysis, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var school = await schools.FindSchoolAsync(user.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(id);
        var draft = await MultipartDraftReader.ReadAsync(http.Request, cancellationToken);
        var record = await review.ResubmitAsync(user, school, id, draft, cancellationToken);
        await analysis.TrySendAsync(record, cancellationToken);
        return Results.Accepted($"/api/v1/drafts/{record.Id}", new { id = record.Id, revision = record.Revision, status = record.Status.ToString() });
    }

    private static async Task<IResult> RejectAsync(Guid id, HttpContext http, ReviewService review, CancellationToken cancellationToken)
    {
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var draft = await review.RejectAsync(CurrentUser.From(http.User), id, body.Reason, cancellationToken);
        return Results.Json(new { id = draft.Id, revision = draft.Revision, reviewState = draft.ReviewState.ToString() }, Json.Options);
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
