using System.ComponentModel.DataAnnotations;

namespace PostGuard.Server.Web;

/// <summary>Staff sign-in to the web pages: lockout after repeated failures, session length.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A signed-in session lasts this long without activity.</summary>
    [Range(5, 24 * 60)]
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>
    /// When the session cookie is marked Secure: when the browser's request was HTTPS (behind a TLS proxy
    /// that needs ForwardedHeaders, so the server knows), or always. The antiforgery cookie follows the request.
    /// </summary>
    public SecureCookie SecureCookie { get; set; } = SecureCookie.SameAsRequest;
}

/// <summary>See <see cref="SignInOptions.SecureCookie"/>.</summary>
public enum SecureCookie
{
    SameAsRequest,
    Always,
}
