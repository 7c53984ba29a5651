using Microsoft.AspNetCore.Identity;
using PostGuard.Core.Schools;

namespace PostGuard.Server.Web;

/// <summary>Passwords of staff accounts: ASP.NET Core's PasswordHasher (PBKDF2, salted, versioned format); never stored in clear.</summary>
public static class StaffPasswords
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    private static readonly PasswordHasher<StaffUser> Hasher = new();

    /// <summary>Why the password is not acceptable, or null when it is.</summary>
    public static string? Problem(string password) =>
        password.Length < MinLength ? $"a password needs at least {MinLength} characters"
        : password.Length > MaxLength ? $"a password has at most {MaxLength} characters"
        : string.IsNullOrWhiteSpace(password) ? "a password cannot be only spaces"
        : null;

    public static string Hash(StaffUser user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(StaffUser user, string hash, string password) =>
        Hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
}
