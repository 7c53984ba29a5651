using Microsoft.AspNetCore.Authorization;
using PostGuard.Core.Findings;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages;

/// <summary>The headteacher's queue: blocked, then held, then ready for sign-off; oldest first within each.</summary>
[Authorize(Roles = Roles.Approver)]
public sealed class QueueModel(ReviewService review, DraftDetailsLoader loader) : StaffPageModel
{
    public sealed record Entry(ReviewQueueItem Item, DraftDetails Details);

    public IReadOnlyList<Entry> Items { get; private set; } = [];

    public int Count(Decision decision) => Items.Count(i => i.Item.Decision == decision);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        foreach (var item in await review.QueueAsync(Me.SchoolId, cancellationToken))
        {
            if (await loader.LoadAsync(Me.SchoolId, item.DraftId, cancellationToken) is { } details)
            {
                entries.Add(new Entry(item, details));
            }
        }
        Items = entries;
    }
}
