using System.Security.Claims;
using Microsoft.Extensions.Options;
using PostGuard.Core.Schools;
using PostGuard.Server.Api;

namespace PostGuard.Server.Web;

/// <summary>
/// The outcome of a sign-in attempt. A wrong school, e-mail or password and a locked account all read
/// the same to the person signing in: nobody learns from it whether an account exists or is locked.
/// </summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(StaffUser User, string SessionStamp) : SignInOutcome;
    public sealed record Refused : SignInOutcome;
}

/// <summary>
/// Checks a member of staff's school, e-mail and password. Failures are counted per account; after
/// <see cref="SignInOptions.MaxFailedAttempts"/> in a row the account is locked for a while, even for the
/// right password (audited). Every refused attempt costs one password hash, whether the account exists,
/// has no password, is locked or not, so the time taken tells nothing either.
/// </summary>
public sealed class StaffSignIn(SchoolDirectory schools, IOptions<SignInOptions> options, TimeProvider time)
{
    /// <summary>A hash of a random password, verified when there is no real one to verify (same hasher, same cost).</summary>
    private static readonly Lazy<string> DummyHash = new(() =>
        StaffPasswords.Hash(new StaffUser(Guid.Empty, "", "", ""), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public async Task<SignInOutcome> SignInAsync(string schoolId, string email, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(schoolId) || string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > StaffPasswords.MaxLength)
        {
            SpendOneHash(password);
            return new SignInOutcome.Refused();
        }
        var account = await schools.FindAccountAsync(schoolId, email, cancellationToken);
        if (account is null || account.PasswordHash is null)
        {
            SpendOneHash(password);
            return new SignInOutcome.Refused();
        }
        var matches = StaffPasswords.Verify(account.User, account.PasswordHash, password);
        if (account.IsLockedAt(time.GetUtcNow()))
        {
            return new SignInOutcome.Refused(); // even the right password, until the lockout ends
        }
        if (!matches)
        {
            await schools.RecordFailedSignInAsync(account.User, options.Value.MaxFailedAttempts, TimeSpan.FromMinutes(options.Value.LockoutMinutes), cancellationToken);
            return new SignInOutcome.Refused();
        }
        var stamp = await schools.RecordSignInAsync(account.User, cancellationToken);
        return new SignInOutcome.SignedIn(account.User, stamp);
    }

    private static void SpendOneHash(string password) =>
        StaffPasswords.Verify(new StaffUser(Guid.Empty, "", "", ""), DummyHash.Value, password.Length > StaffPasswords.MaxLength ? password[..StaffPasswords.MaxLength] : password);

    /// <summary>
    /// The claims of a signed-in member of staff: the same as an API token's, so every endpoint reads them
    /// alike, plus the session stamp the cookie is checked against.
    /// </summary>
    public static ClaimsPrincipal Principal(StaffUser user, string sessionStamp) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(BearerTokenAuthentication.SchoolClaim, user.SchoolId),
        new Claim(WebAuthentication.SessionStampClaim, sessionStamp),
    ], WebAuthentication.CookieScheme));
}
