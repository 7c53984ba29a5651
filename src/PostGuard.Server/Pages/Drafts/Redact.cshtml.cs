using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.Drafts;

/// <summary>The approver previews the blurred photos, then approves the redacted version (re-checked; it must not Block).</summary>
[Authorize(Roles = Roles.Approver)]
public sealed class RedactModel(DraftDetailsLoader loader, RedactionService redaction, SchoolDirectory schools) : StaffPageModel
{
    public DraftDetails Details { get; private set; } = null!;
    public string TimeZone { get; private set; } = "Europe/London";
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? reason, string? earliestPublishAt, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        try
        {
            await redaction.ApproveRedactedAsync(Me, id, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), FromLocal(earliestPublishAt, TimeZone), cancellationToken);
            return Redirect($"/drafts/{id}/review?done=approved-redacted");
        }
        catch (Exception ex) when (ex is ReviewConflictException or InputValidationException)
        {
            Problem = ex.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(Me.SchoolId, id, cancellationToken) is not { } details)
        {
            return false;
        }
        Details = details;
        TimeZone = (await schools.FindSchoolAsync(Me.SchoolId, cancellationToken))?.Policy.TimeZone ?? TimeZone;
        return true;
    }
}
