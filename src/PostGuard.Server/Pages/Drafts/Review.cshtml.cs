using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.Drafts;

/// <summary>The headteacher's draft page: why it was held, and approve / reject / approve a redacted version.</summary>
[Authorize(Roles = Roles.Approver)]
public sealed class ReviewModel(DraftDetailsLoader loader, DraftLifecycle lifecycle, SchoolDirectory schools) : StaffPageModel
{
    public DraftDetails Details { get; private set; } = null!;
    public string TimeZone => School.Policy.TimeZone;
    private School School { get; set; } = null!;
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        Message = done switch
        {
            "approved" => "Approved.",
            "approved-redacted" => "The redacted version was checked again and approved.",
            "rejected" => "Sent back to the uploader with your reason.",
            _ => null,
        };
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, string? reason, string? earliestPublishAt, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return await ActAsync(id, "approved", () => lifecycle.ApproveAsync(Me, School, id, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), FromLocal(earliestPublishAt, TimeZone), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return await ActAsync(id, "rejected", () => lifecycle.RejectAsync(Me, id, reason?.Trim(), cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<DraftRecord>> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return Redirect($"/drafts/{id}/review?done={done}");
        }
        catch (Exception ex) when (ex is ReviewConflictException or InputValidationException)
        {
            Problem = ex.Message;
            await LoadAsync(id, cancellationToken);
            Response.StatusCode = ex is ReviewConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
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
        School = await schools.FindSchoolAsync(Me.SchoolId, cancellationToken) ?? throw new InvalidOperationException($"School '{Me.SchoolId}' is missing");
        return true;
    }
}
