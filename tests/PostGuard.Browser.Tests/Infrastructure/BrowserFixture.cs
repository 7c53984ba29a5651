using System.Net.Http.Headers;
using Microsoft.Playwright;
using PostGuard.Core.Consent;
using PostGuard.Core.Policy;
using PostGuard.Core.Schools;
using PostGuard.Server.Web;

namespace PostGuard.Browser.Tests.Infrastructure;

/// <summary>One live server and one chromium for the browser tests; schools and staff are made per test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery-staple";

    private LiveServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LiveServer Server => _server ?? throw new InvalidOperationException("not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <summary>Where the screenshots go: under the test output, to be looked at (and the best copied to docs/screenshots).</summary>
    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDir);
        _server = await LiveServer.StartAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A new school (consent-based, Instagram and LinkedIn) with one signed-up member of staff per role, and their API tokens.</summary>
    public async Task<BrowserSchool> CreateSchoolAsync(string name = "Mersham Primary")
    {
        var schools = Server.Get<SchoolDirectory>();
        var id = $"s{Guid.NewGuid():N}"[..12];
        await schools.AddSchoolAsync(id, name, PolicyPresets.Create(PolicyPresets.ConsentBased, [Channels.Instagram, Channels.LinkedIn]), CancellationToken.None);
        var tokens = new Dictionary<string, string>();
        foreach (var role in Roles.All)
        {
            var email = $"{role}@{id}.sch.uk";
            var (_, token) = await schools.AddUserAsync(id, email, role, CancellationToken.None, StaffPasswords.Hash(new StaffUser(Guid.Empty, id, email, role), Password));
            tokens[role] = token;
        }
        return new BrowserSchool(id, tokens, Server);
    }

    /// <summary>A fresh browser session (its own cookies) at a tablet's or a desktop's width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
}

public sealed record BrowserSchool(string Id, IReadOnlyDictionary<string, string> Tokens, LiveServer Server)
{
    public string Email(string role) => $"{role}@{Id}.sch.uk";

    /// <summary>The school's API as a member of staff with <paramref name="role"/> calls it (bearer token).</summary>
    public HttpClient Api(string role)
    {
        var client = new HttpClient { BaseAddress = Server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        return client;
    }

    public async Task<ConsentService.ImportResult> ImportPeopleAsync(string csv) =>
        await Server.Get<ConsentService>().ImportAsync(new StaffUser(Guid.Empty, Id, "test import", Roles.ConsentAdmin), csv, CancellationToken.None);

    public async Task SignInAsync(IPage page, string role, string? password = null)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("School code").FillAsync(Id);
        await page.GetByLabel("E-mail").FillAsync(Email(role));
        await page.GetByLabel("Password").FillAsync(password ?? BrowserFixture.Password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
