using PostGuard.Core.Schools;

namespace PostGuard.Core.Accounts;

/// <summary>
/// What signing in needs to know about a member of staff: the password hash (null when the user has
/// only an API token) and the lockout state after repeated failed sign-ins.
/// </summary>
public sealed record StaffAccount(StaffUser User, string? PasswordHash, int FailedSignIns, DateTimeOffset? LockedUntil)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
