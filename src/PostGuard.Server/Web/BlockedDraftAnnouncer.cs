using MassTransit;
using PostGuard.Contracts;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Web;

/// <summary>
/// Drafts a consent change has just blocked need the headteacher: they are announced like any decision
/// that needs review, so the workers notify (webhook, e-mail) without the page waiting on it.
/// </summary>
public sealed class BlockedDraftAnnouncer(DraftStore drafts, IPublishEndpoint publish, TimeProvider time)
{
    public async Task AnnounceAsync(string schoolId, IEnumerable<Guid> draftIds, CancellationToken cancellationToken)
    {
        foreach (var id in draftIds)
        {
            if (await drafts.FindAsync(schoolId, id, cancellationToken) is { Decision: { } decision } draft)
            {
                await publish.Publish(new DraftDecided
                {
                    DraftId = id,
                    Revision = draft.Revision,
                    SchoolId = schoolId,
                    Decision = decision.ToString(),
                    NeedsReview = true,
                    DecidedAt = time.GetUtcNow(),
                }, cancellationToken);
            }
        }
    }
}
