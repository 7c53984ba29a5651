using System.Net;
using System.Text.RegularExpressions;
using PostGuard.Browser.Tests.Infrastructure;
using PostGuard.Core.Schools;

namespace PostGuard.Browser.Tests.Security;

/// <summary>
/// The sign-in cookie and the API's bearer tokens stay apart, forms need their antiforgery token and
/// every page carries the secure headers: plain HTTP against the live server, as an attacker would send it.
/// </summary>
public sealed partial class SignInSecurityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task A_signed_in_cookie_opens_the_pages_but_never_the_api_and_the_token_still_does()
    {
        var school = await fixture.CreateSchoolAsync();
        using var browser = NewClient(out var cookies);
        var signIn = await browser.GetStringAsync("/sign-in");
        var token = AntiforgeryField().Match(signIn).Groups[1].Value;
        Assert.NotEmpty(token);

        using (var withoutToken = await browser.PostAsync("/sign-in", Form(school, Roles.Approver, BrowserFixture.Password, null)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        }
        using (var signedIn = await browser.PostAsync("/sign-in", Form(school, Roles.Approver, BrowserFixture.Password, token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("PostGuard.Session=", StringComparison.Ordinal));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
        using (var queue = await browser.GetAsync("/queue"))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        }
        using (var api = await browser.GetAsync("/api/v1/review-queue"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode); // the cookie is not an API credential
            Assert.Equal("Bearer", api.Headers.WwwAuthenticate.Single().Scheme);
        }
        using var client = school.Api(Roles.Approver);
        using (var bearer = await client.GetAsync("/api/v1/review-queue"))
        {
            Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        }
        using (var wrongRole = await school.Api(Roles.Uploader).GetAsync("/api/v1/review-queue"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
            Assert.Equal("application/problem+json", wrongRole.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Pages_carry_the_secure_headers_and_ask_strangers_to_sign_in()
    {
        using var browser = NewClient(out _);
        using var page = await browser.GetAsync("/sign-in");
        Assert.Equal("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", await page.Content.ReadAsStringAsync()); // nothing loaded from elsewhere

        foreach (var path in new[] { "/queue", "/drafts/new", "/people", "/audit", $"/drafts/{Guid.NewGuid()}/review" })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var css = await browser.GetAsync("/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    private HttpClient NewClient(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.Server.Address };
    }

    private static FormUrlEncodedContent Form(BrowserSchool school, string role, string password, string? token)
    {
        var fields = new Dictionary<string, string> { ["school"] = school.Id, ["email"] = school.Email(role), ["password"] = password };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }
        return new FormUrlEncodedContent(fields);
    }
}
