using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PostGuard.Server.Api;

namespace PostGuard.Server.Web;

/// <summary>
/// Two ways in: the API's bearer tokens (unchanged: every /api request, and any request with an
/// Authorization header) and the web pages' sign-in cookie (everything else). A policy scheme picks
/// one per request, so the API never answers with a sign-in redirect and the pages never need a token.
/// </summary>
public static class WebAuthentication
{
    public const string PolicyScheme = "PostGuard";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "PostGuard.Session";

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
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(signIn.SessionMinutes);
                o.SlidingExpiration = true;
                // A signed-in member of staff without the role gets 403 (a page saying so), not a redirect.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        return services;
    }
}
