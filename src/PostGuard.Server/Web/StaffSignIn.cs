using System.Security.Claims;
using Microsoft.Extensions.Options;
using PostGuard.Core.Schools;
using PostGuard.Server.Api;

namespace PostGuard.Server.Web;

/// <summary>The outcome of a sign-in attempt. A wrong school, e-mail or password all read the same to the person signing in.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(StaffUser User) : SignInOutcome;
    public sealed record WrongCredentials : SignInOutcome;
    public sealed record LockedOut(DateTimeOffset Until) : SignInOutcome;
}

/// <summary>
/// Checks a member of staff's school, e-mail and password. Failures are counted per account; after
/// <see cref="SignInOptions.MaxFailedAttempts"/> in a row the account is locked for a while, even for the right password.
/// </summary>
public sealed class StaffSignIn(SchoolDirectory schools, IOptions<SignInOptions> options, TimeProvider time)
{
    public async Task<SignInOutcome> SignInAsync(string schoolId, string email, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(schoolId) || string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > StaffPasswords.MaxLength)
        {
            return new SignInOutcome.WrongCredentials();
        }
        var account = await schools.FindAccountAsync(schoolId, email, cancellationToken);
        if (account is null)
        {
            return new SignInOutcome.WrongCredentials();
        }
        if (account.IsLockedAt(time.GetUtcNow()))
        {
            return new SignInOutcome.LockedOut(account.LockedUntil!.Value);
        }
        if (account.PasswordHash is null || !StaffPasswords.Verify(account.User, account.PasswordHash, password))
        {
            var lockedUntil = await schools.RecordFailedSignInAsync(account.User, options.Value.MaxFailedAttempts, TimeSpan.FromMinutes(options.Value.LockoutMinutes), cancellationToken);
            return lockedUntil is { } until ? new SignInOutcome.LockedOut(until) : new SignInOutcome.WrongCredentials();
        }
        await schools.RecordSignInAsync(account.User, cancellationToken);
        return new SignInOutcome.SignedIn(account.User);
    }

    /// <summary>The claims of a signed-in member of staff: the same as an API token's, so every endpoint reads them alike.</summary>
    public static ClaimsPrincipal Principal(StaffUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(BearerTokenAuthentication.SchoolClaim, user.SchoolId),
    ], WebAuthentication.CookieScheme));
}
