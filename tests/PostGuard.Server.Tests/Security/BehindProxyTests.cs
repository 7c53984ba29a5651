using System.Net;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Server.Web;

namespace PostGuard.Server.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy (here: the test itself, on 127.0.0.1, adding X-Forwarded-For and
/// X-Forwarded-Proto as nginx does): forwarded headers are read only when configured and only from the
/// trusted proxy, the session cookie is Secure when the original request was HTTPS, and the sign-in rate
/// limit counts each client address on its own instead of one bucket for everybody behind the proxy.
/// Real server processes, so that Kestrel sees a real client address.
/// </summary>
public sealed class BehindProxyTests
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task Behind_a_trusted_proxy_the_cookie_is_secure_and_each_client_has_its_own_sign_in_limit()
    {
        await using var server = await StandaloneServer.StartAsync(new Dictionary<string, string>
        {
            ["ForwardedHeaders__Enabled"] = "true",
            ["ForwardedHeaders__KnownProxies"] = "127.0.0.1",
            ["RateLimits__SignInAttemptsPerMinute"] = "3",
        });
        var email = await AddApproverAsync(server, "proxied");

        var alice = Session(server, "198.51.100.7");
        using (var signedIn = await alice.SignInAsync("proxied", email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var cookie = Assert.Single(alice.LastSetCookies, c => c.StartsWith(WebAuthentication.CookieName + "=", StringComparison.Ordinal));
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        }
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await alice.SignInAsync("proxied", email, "not-the-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var limited = await alice.SignInAsync("proxied", email, "not-the-password"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        // Another client behind the same proxy is not held up by the first one's attempts.
        var bob = Session(server, "198.51.100.8");
        using var other = await bob.SignInAsync("proxied", email, Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_unless_configured_and_from_a_trusted_proxy()
    {
        foreach (var settings in new[]
        {
            new Dictionary<string, string> { ["RateLimits__SignInAttemptsPerMinute"] = "2" },
            new Dictionary<string, string>
            {
                ["RateLimits__SignInAttemptsPerMinute"] = "2",
                ["ForwardedHeaders__Enabled"] = "true",
                ["ForwardedHeaders__KnownProxies"] = "10.9.9.9",
            },
        })
        {
            await using var server = await StandaloneServer.StartAsync(settings);
            var email = await AddApproverAsync(server, "direct");
            var first = Session(server, "198.51.100.7");
            using (var signedIn = await first.SignInAsync("direct", email, Password))
            {
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                var cookie = Assert.Single(first.LastSetCookies, c => c.StartsWith(WebAuthentication.CookieName + "=", StringComparison.Ordinal));
                Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase); // the request came over HTTP
            }
            using (var second = await first.SignInAsync("direct", email, "not-the-password"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
            }
            // A made-up X-Forwarded-For does not buy a fresh bucket.
            using var spoofed = await Session(server, "203.0.113.99").SignInAsync("direct", email, Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
        }
    }

    [Fact]
    public async Task The_cookie_can_be_secure_always()
    {
        await using var server = await StandaloneServer.StartAsync(new Dictionary<string, string> { ["SignIn__SecureCookie"] = "Always" });
        var email = await AddApproverAsync(server, "always");
        var session = new PageSession(server.Client());
        using var signedIn = await session.SignInAsync("always", email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(session.LastSetCookies, c => c.StartsWith(WebAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A browser session arriving through the proxy from <paramref name="clientAddress"/> over HTTPS.</summary>
    private static PageSession Session(StandaloneServer server, string clientAddress)
    {
        var session = new PageSession(server.Client());
        session.Headers["X-Forwarded-For"] = clientAddress;
        session.Headers["X-Forwarded-Proto"] = "https";
        return session;
    }

    private static async Task<string> AddApproverAsync(StandaloneServer server, string school)
    {
        var added = await server.RunVerbAsync("admin", "add-school", "--id", school, "--name", "Proxied School", "--policy", "consent-based");
        Assert.True(added.ExitCode == 0, added.StdErr);
        var email = $"head@{school}.sch.uk";
        var user = await server.RunVerbWithInputAsync(Password + "\n", "admin", "add-user", "--school", school, "--email", email, "--role", Roles.Approver, "--password-stdin");
        Assert.True(user.ExitCode == 0, user.StdErr);
        return email;
    }
}
