using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.Drafts;

public sealed class DraftsIndexModel(DraftList drafts) : StaffPageModel
{
    public IReadOnlyList<DraftListItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await drafts.ReadAsync(Me.SchoolId, 200, cancellationToken);
}
