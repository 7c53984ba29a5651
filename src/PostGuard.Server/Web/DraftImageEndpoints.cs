using PostGuard.Core.Blobs;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Api;

namespace PostGuard.Server.Web;

/// <summary>
/// The photos the pages show: a revision's stored photo or clip (any role of the school; another school's
/// draft is a 404), a clip's face-track best frames, the approver's preview of a photo with its faces blurred,
/// and an approved post's photos and clips to publish (the API's metadata-free copies, for the signed-in staff member).
/// </summary>
public static class DraftImageEndpoints
{
    public static void MapDraftImageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/drafts/{id:guid}/revisions/{revision:int}/images/{position:int}", ImageAsync).RequireAuthorization();
        app.MapGet("/drafts/{id:guid}/images/{position:int}/redacted-preview", DraftEndpoints.RedactedPreviewAsync).RequireAuthorization(Roles.Approver);
        app.MapGet("/drafts/{id:guid}/media/{position:int}", DraftEndpoints.MediaAsync).RequireAuthorization(DraftEndpoints.CopyMedia);
        app.MapGet("/drafts/{id:guid}/revisions/{revision:int}/images/{position:int}/faces/{face:int}/frame", DraftEndpoints.TrackFrameAsync).RequireAuthorization();
    }

    private static async Task<IResult> ImageAsync(Guid id, int revision, int position, HttpContext http, DraftStore drafts, BlobStore blobs, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (await drafts.FindAsync(user.SchoolId, id, cancellationToken) is not { } draft || revision < 1 || revision > draft.Revision)
        {
            return Results.NotFound();
        }
        var content = await drafts.FindRevisionAsync(id, revision, cancellationToken);
        var image = content?.Images.FirstOrDefault(i => i.Position == position);
        if (image is null)
        {
            return Results.NotFound();
        }
        var bytes = await blobs.ReadAsync(image, cancellationToken);
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(bytes, image.ContentType);
    }
}
