using Microsoft.AspNetCore.Mvc;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.Drafts;

/// <summary>A draft of the user's school with its decision explained (another school's draft: 404).</summary>
public sealed class DraftViewModel(DraftDetailsLoader loader, TimeProvider time) : StaffPageModel
{
    public DraftDetails Details { get; private set; } = null!;
    public string? RejectReason { get; private set; }

    /// <summary>The earliest publish time the approver set, while it is still ahead: the photos are handed out from then.</summary>
    public DateTimeOffset? PhotosFrom => Details.Draft.EarliestPublishAt is { } earliest && earliest > time.GetUtcNow() ? earliest : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(Me.SchoolId, id, cancellationToken) is not { } details)
        {
            return NotFound();
        }
        Details = details;
        RejectReason = details.Actions.FirstOrDefault(a => a.Action == "draft.rejected" && a.Revision == details.Draft.Revision)?.Details["reason"]?.ToString();
        return Page();
    }
}
