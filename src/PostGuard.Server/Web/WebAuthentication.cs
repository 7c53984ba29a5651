using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PostGuard.Core.Schools;
using PostGuard.Server.Api;

namespace PostGuard.Server.Web;

/// <summary>
/// Two ways in: the API's bearer tokens (unchanged: every /api request, and any request with an
/// Authorization header) and the web pages' sign-in cookie (everything else). A policy scheme picks
/// one per request, so the API never answers with a sign-in redirect and the pages never need a token.
/// The cookie is checked against the database on every request: it carries the account's session stamp,
/// which signing out (or an administrator's reset) replaces, so an old cookie is refused from then on.
/// </summary>
public static class WebAuthentication
{
    public const string PolicyScheme = "PostGuard";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "PostGuard.Session";

    /// <summary>The claim holding the account's session stamp in the sign-in cookie.</summary>
    public const string SessionStampClaim = "postguard:session";

    public static CookieSecurePolicy SecurePolicy(SignInOptions options) =>
        options.SecureCookie == SecureCookie.Always ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static IServiceCollection AddPostGuardAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StaffSignIn>();
        var signIn = configuration.GetSection(SignInOptions.SectionName).Get<SignInOptions>() ?? new SignInOptions();
        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Bearer token for the API, cookie for the pages", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Authorization.Count > 0
                    ? BearerTokenAuthentication.SchemeName
                    : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthentication>(BearerTokenAuthentication.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = SecurePolicy(signIn);
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(signIn.SessionMinutes);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = RejectEndedSessionAsync;
                // A signed-in member of staff without the role gets 403 (a page saying so), not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        return services;
    }

    /// <summary>A cookie whose session stamp is no longer the account's (signed out, reset, removed) is refused and deleted.</summary>
    private static async Task RejectEndedSessionAsync(CookieValidatePrincipalContext context)
    {
        var stamp = context.Principal?.FindFirstValue(SessionStampClaim);
        var current = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await context.HttpContext.RequestServices.GetRequiredService<SchoolDirectory>().FindSessionStampAsync(userId, context.HttpContext.RequestAborted)
            : null;
        if (stamp is null || current is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(current)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
