using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PostGuard.Core.Schools;

namespace PostGuard.Server.Api;

/// <summary>
/// API authentication: "Authorization: Bearer pg_..." is looked up by its hash; the user's school
/// and role become claims. The school always comes from the token, never from the request.
/// </summary>
public sealed class BearerTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SchoolDirectory schools) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string SchoolClaim = "postguard:school";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <token>'.");
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is < 10 or > 200)
        {
            return AuthenticateResult.Fail("Invalid token.");
        }
        var user = await schools.FindByTokenAsync(token, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("Invalid token.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(SchoolClaim, user.SchoolId),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "Authentication required",
            detail: "Send 'Authorization: Bearer <token>' with a token from 'admin add-user'.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        await Results.Problem(statusCode: 403, title: "Not allowed for your role",
            detail: $"Your role ({role}) may not do this (R14: only the designated uploader submits; only the approver approves).").ExecuteAsync(Context);
    }
}

/// <summary>The signed-in staff member, read from the claims the authentication handler set.</summary>
public static class CurrentUser
{
    public static StaffUser From(ClaimsPrincipal principal) => new(
        Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!),
        principal.FindFirstValue(BearerTokenAuthentication.SchoolClaim)!,
        principal.FindFirstValue(ClaimTypes.Email)!,
        principal.FindFirstValue(ClaimTypes.Role)!);
}
