using Microsoft.AspNetCore.Authorization;
using PostGuard.Core.Findings;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages;

/// <summary>The headteacher's queue: blocked, then held, then ready for sign-off; oldest first within each.</summary>
[Authorize(Roles = Roles.Approver)]
public sealed class QueueModel(ReviewQueue reviewQueue, DraftDetailsLoader loader) : StaffPageModel
{
    public sealed record Entry(ReviewQueueItem Item, DraftDetails Details);

    public IReadOnlyList<Entry> Items { get; private set; } = [];

    public int Count(Decision decision) => Items.Count(i => i.Item.Decision == decision);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var queue = await reviewQueue.ListAsync(Me.SchoolId, cancellationToken);
        var details = (await loader.LoadCurrentAsync(Me.SchoolId, queue.Select(i => i.DraftId).Distinct(), cancellationToken)).ToDictionary(d => d.Draft.Id);
        Items = [.. queue.Where(i => details.ContainsKey(i.DraftId)).Select(i => new Entry(i, details[i.DraftId]))];
    }
}
