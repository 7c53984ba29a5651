namespace PostGuard.Server.Web;

/// <summary>
/// Headers on every response: everything is served by PostGuard itself (no CDN, no inline script or
/// style), never framed, no referrer leaves the school's pages, no sniffing of content types.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UsePostGuardSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
