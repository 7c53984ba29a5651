namespace PostGuard.Server.Web.Notifications;

/// <summary>What a notification says: which draft, what was decided, and where the approver looks at it.</summary>
public sealed record DraftNeedsApprover(string SchoolId, string SchoolName, Guid DraftId, int Revision, string Decision, string Reason, string Link, DateTimeOffset At);
