using System.Text.Json.Nodes;

namespace PostGuard.Core.Audit;

/// <summary>One entry of the append-only audit trail: who did what, to which draft, with details.</summary>
public sealed record AuditEvent(string SchoolId, string Actor, string Action, Guid? DraftId, int? Revision, JsonObject Details)
{
    /// <summary>Set when read back from the trail.</summary>
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }
}
