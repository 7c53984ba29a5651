using System.Net;
using System.Text.RegularExpressions;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>
/// The web pages' sign-in as a browser does it over plain HTTP: fetch the form and its antiforgery
/// token, post school, e-mail and password, keep the cookies by hand (so a test can replay an old one).
/// </summary>
public sealed partial class PageSession(HttpClient client)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>Headers sent with every request of this session (e.g. what a TLS proxy adds).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

    /// <summary>Every Set-Cookie header of the last response.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public async Task<HttpResponseMessage> SignInAsync(string school, string email, string password)
    {
        var token = await FormTokenAsync("/sign-in");
        return await PostFormAsync("/sign-in", new Dictionary<string, string> { ["school"] = school, ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token });
    }

    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var token = await FormTokenAsync("/");
        return await PostFormAsync("/sign-out", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
    }

    /// <summary>The antiforgery token of the form on a page (the page's cookies are kept).</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var page = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        if (page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location is { IsAbsoluteUri: false } local)
        {
            page.Dispose();
            page = await SendAsync(new HttpRequestMessage(HttpMethod.Get, local));
        }
        using var _ = page;
        var html = await page.Content.ReadAsStringAsync();
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"no form on {path} ({(int)page.StatusCode})");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Sends with the session's cookies and headers; remembers the cookies the answer sets (and forgets deleted ones).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await client.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];
        foreach (var setCookie in LastSetCookies)
        {
            var pair = setCookie.Split(';', 2)[0];
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
        return response;
    }

    /// <summary>Sends a request with exactly these cookies, as an attacker replaying a copied cookie would.</summary>
    public static Task<HttpResponseMessage> WithCookieAsync(HttpClient client, string path, string cookieName, string cookieValue)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{cookieName}={cookieValue}");
        return client.SendAsync(request);
    }
}
