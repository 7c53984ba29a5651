using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.Drafts;

/// <summary>
/// The approver chooses which faces to hide (those that block or nobody accounts for are chosen already),
/// previews the photos as they would be published, then approves the redacted version (re-checked with
/// the kept faces' bindings; it must not Block).
/// </summary>
[Authorize(Roles = Roles.Approver)]
public sealed class RedactModel(DraftDetailsLoader loader, RedactionService redaction, SchoolDirectory schools) : StaffPageModel
{
    public DraftDetails Details { get; private set; } = null!;
    public RedactionPlan Plan { get; private set; } = null!;
    public string TimeZone { get; private set; } = "Europe/London";
    public string? Problem { get; private set; }
    /// <summary>Per photo position, the faces ticked to hide (the default choice until the approver changes it).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>> Chosen { get; private set; } = new Dictionary<int, IReadOnlyList<int>>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Chosen = Plan.Photos.ToDictionary(p => p.Position, p => p.DefaultChoice);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? reason, string? earliestPublishAt, List<int> photos, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var form = await Request.ReadFormAsync(cancellationToken);
        var chosen = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var position in photos)
        {
            chosen[position] = [.. form[$"Hide_{position}"].OfType<string>().Select(v => int.TryParse(v, out var face) ? face : -1)];
        }
        Chosen = chosen;
        try
        {
            await redaction.ApproveRedactedAsync(Me, id, chosen, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), FromLocal(earliestPublishAt, TimeZone), cancellationToken);
            return Redirect($"/drafts/{id}/review?done=approved-redacted");
        }
        catch (Exception ex) when (ex is ReviewConflictException or InputValidationException)
        {
            Problem = ex.Message;
            Response.StatusCode = ex is ReviewConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    /// <summary>The preview's address for a photo with these faces hidden.</summary>
    public string PreviewUrl(int position, IEnumerable<int> faces) =>
        $"/drafts/{Details.Draft.Id}/images/{position}/redacted-preview?faces={string.Join(",", faces)}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(Me.SchoolId, id, cancellationToken) is not { } details)
        {
            return false;
        }
        Details = details;
        TimeZone = (await schools.FindSchoolAsync(Me.SchoolId, cancellationToken))?.Policy.TimeZone ?? TimeZone;
        if (!details.IsDecided)
        {
            Plan = new RedactionPlan(id, details.Draft.Revision, []);
            return true;
        }
        Plan = await redaction.PlanAsync(Me, id, cancellationToken);
        return true;
    }
}
