using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
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
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithApiProblems().WithTags("Drafts, review and audit");
        api.MapPost("/drafts", SubmitAsync).RequireAuthorization(Roles.Uploader).DisableAntiforgery()
            .WithSummary("Submit a draft post (multipart: a 'draft' JSON part and one file part per photo); analysed asynchronously")
            .WithDraftSubmissionBody().WithMetadata(new AcceptsBodyAttribute(BodyKind.Draft)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/drafts/{id:guid}", GetAsync)
            .WithSummary("A draft's current revision: status, decision, findings, each photo's faces and tags").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/drafts/{id:guid}/media/{position:int}", MediaAsync).RequireAuthorization(CopyMedia)
            .WithSummary("The approved post's photo or clip as it may be published: a JPEG, or an MP4 (WebM for WebM), with no metadata (409 unless the current revision is approved)")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg", "video/mp4", "video/webm").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/review-queue", QueueAsync).RequireAuthorization(Roles.Approver)
            .WithSummary("Drafts awaiting a person: Block first, then Hold, then ready for sign-off; oldest first");
        api.MapPost("/drafts/{id:guid}/approve", ApproveAsync).RequireAuthorization(Roles.Approver)
            .WithSummary("Approve the current revision (a Block is refused with 409 and its reasons)")
            .WithJsonBody<ReviewActionRequest>(required: false).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/drafts/{id:guid}/reject", RejectAsync).RequireAuthorization(Roles.Approver)
            .WithSummary("Reject the current revision (a reason is required)")
            .WithJsonBody<ReviewActionRequest>(required: false).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/drafts/{id:guid}/redaction", RedactionPlanAsync).RequireAuthorization(Roles.Approver)
            .WithSummary("Each photo's faces with their standing, the person bound to each and the faces hidden by default")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/drafts/{id:guid}/images/{position:int}/redacted-preview", RedactedPreviewAsync).RequireAuthorization(Roles.Approver)
            .WithSummary("The photo as it would be published with the faces in ?faces=1,3 hidden (none given: the default choice); for a clip the frame at ?at=SECONDS; nothing stored")
            .ProducesJpeg().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/drafts/{id:guid}/images/{position:int}/faces/{face:int}/frame", TrackFrameAsync)
            .WithSummary("A clip's face track evidence: its best frame, a JPEG at most 640 px wide without metadata (the track's box is on it)")
            .ProducesJpeg().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/drafts/{id:guid}/approve-redacted", ApproveRedactedAsync).RequireAuthorization(Roles.Approver)
            .WithSummary("Hide the chosen faces, re-check the result, store it as the next revision and approve it (409 if it still blocks)")
            .WithJsonBody<ReviewActionRequest>(required: false).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/drafts/{id:guid}/revisions", ResubmitAsync).RequireAuthorization(Roles.Uploader).DisableAntiforgery()
            .WithSummary("Submit the edited draft as its next revision (multipart, as for a new draft); analysed afresh")
            .WithDraftSubmissionBody().WithMetadata(new AcceptsBodyAttribute(BodyKind.Draft)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/audit", AuditAsync).RequireAuthorization(Roles.Auditor)
            .WithSummary("The school's append-only audit trail, newest first (optionally of one draft)").ProducesValidationProblem();
    }

    private static async Task<Accepted<DraftAccepted>> SubmitAsync(HttpContext http, SchoolDirectory schools, SubmissionService submissions, AnalysisRequests analysis, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var school = await schools.FindSchoolAsync(user.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(Guid.Empty);
        var draft = await MultipartDraftReader.ReadAsync(http.Request, cancellationToken);
        var record = await submissions.SubmitAsync(user, school, draft, cancellationToken);
        await analysis.TrySendAsync(record, cancellationToken);
        return TypedResults.Accepted($"/api/v1/drafts/{record.Id}", DraftAccepted.From(record));
    }

    /// <summary>The best frame of a clip's face track (any role of the school): a JPEG without metadata, 640 px wide at most.</summary>
    internal static async Task<FileContentHttpResult> TrackFrameAsync(Guid id, int? revision, int position, int face, HttpContext http, ClipFrames frames, CancellationToken cancellationToken)
    {
        var jpeg = await frames.BestFrameAsync(CurrentUser.From(http.User), id, revision, position, face, cancellationToken);
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.Bytes(jpeg, "image/jpeg");
    }

    /// <summary>A photo or clip of an approved draft as it may be published: a JPEG, or an MP4/WebM, with no metadata at all (409 before approval or after a takedown).</summary>
    internal static async Task<FileContentHttpResult> MediaAsync(Guid id, int position, HttpContext http, PublishedMedia media, CancellationToken cancellationToken)
    {
        var copy = await media.GetAsync(CurrentUser.From(http.User), id, position, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(copy.Content, copy.ContentType, copy.FileName);
    }

    private static async Task<Ok<DraftView>> GetAsync(Guid id, HttpContext http, DraftStore drafts, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var draft = await drafts.FindAsync(user.SchoolId, id, cancellationToken) ?? throw new DraftNotFoundException(id);
        var revision = await drafts.FindRevisionAsync(id, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(id);
        var decision = draft.Status == DraftStatus.Decided ? await drafts.FindDecisionAsync(id, draft.Revision, cancellationToken) : null;
        return TypedResults.Ok(DraftView.From(draft, revision, decision));
    }

    private static async Task<Ok<ReviewQueueView>> QueueAsync(HttpContext http, ReviewQueue queue, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var items = await queue.ListAsync(user.SchoolId, cancellationToken);
        return TypedResults.Ok(new ReviewQueueView(items));
    }

    private static async Task<Ok<ReviewedDraft>> ApproveAsync(Guid id, HttpContext http, SchoolDirectory schools, DraftLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var school = await schools.FindSchoolAsync(user.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(id);
        var draft = await lifecycle.ApproveAsync(user, school, id, body.Reason, body.EarliestPublishAt, cancellationToken);
        return TypedResults.Ok(ReviewedDraft.Approved(draft));
    }

    /// <summary>Each photo's faces, who they are, their standing and whether redaction hides them by default.</summary>
    private static async Task<Ok<RedactionPlanView>> RedactionPlanAsync(Guid id, HttpContext http, RedactionService redaction, CancellationToken cancellationToken) =>
        TypedResults.Ok(RedactionPlanView.From(await redaction.PlanAsync(CurrentUser.From(http.User), id, cancellationToken)));

    /// <summary>A photo as it would be published with the faces in ?faces=1,3 hidden (default: those that block or nobody accounts for).</summary>
    internal static async Task<FileContentHttpResult> RedactedPreviewAsync(Guid id, int position, string? faces, double? at, HttpContext http, RedactionService redaction, CancellationToken cancellationToken)
    {
        var jpeg = await redaction.PreviewAsync(CurrentUser.From(http.User), id, position, ParseFaceList(faces), cancellationToken, at);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(jpeg, "image/jpeg");
    }

    /// <summary>
    /// Hides the chosen faces (body "faces": {"0": [1, 3]}; default per photo: those that block or nobody
    /// accounts for), re-checks the result with the kept faces' bindings (it must not Block: 409 with the
    /// reasons) and approves it as the next revision.
    /// </summary>
    private static async Task<Ok<RedactedApproval>> ApproveRedactedAsync(Guid id, HttpContext http, RedactionService redaction, CancellationToken cancellationToken)
    {
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var chosen = body.Faces?.ToDictionary(p => p.Key, p => (IReadOnlyList<int>)p.Value);
        var approved = await redaction.ApproveRedactedAsync(CurrentUser.From(http.User), id, chosen, body.Reason, body.EarliestPublishAt, cancellationToken);
        return TypedResults.Ok(RedactedApproval.From(approved));
    }

    /// <summary>The uploader's edited draft as the next revision of the same draft (multipart, as for a new draft); analysed afresh.</summary>
    private static async Task<Accepted<DraftAccepted>> ResubmitAsync(Guid id, HttpContext http, SchoolDirectory schools, SubmissionService submissions, AnalysisRequests analysis, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var school = await schools.FindSchoolAsync(user.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(id);
        var draft = await MultipartDraftReader.ReadAsync(http.Request, cancellationToken);
        var record = await submissions.ResubmitAsync(user, school, id, draft, expectedVersion: null, cancellationToken);
        await analysis.TrySendAsync(record, cancellationToken);
        return TypedResults.Accepted($"/api/v1/drafts/{record.Id}", DraftAccepted.From(record));
    }

    private static async Task<Ok<ReviewedDraft>> RejectAsync(Guid id, HttpContext http, DraftLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var body = await ReadReviewActionAsync(http.Request, cancellationToken);
        var draft = await lifecycle.RejectAsync(CurrentUser.From(http.User), id, body.Reason, cancellationToken);
        return TypedResults.Ok(ReviewedDraft.Rejected(draft));
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

    private static async Task<Ok<AuditTrailView>> AuditAsync(HttpContext http, AuditTrail audit, Guid? draftId, int? limit, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        return TypedResults.Ok(AuditTrailView.From(await audit.ReadAsync(user.SchoolId, draftId, limit ?? 200, cancellationToken)));
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
