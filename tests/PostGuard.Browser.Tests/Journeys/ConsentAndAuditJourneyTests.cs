using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PostGuard.Browser.Tests.Infrastructure;
using PostGuard.Core.Notifications;
using PostGuard.Core.Schools;
using static Microsoft.Playwright.Assertions;

namespace PostGuard.Browser.Tests.Journeys;

/// <summary>The consent admin's and the auditor's pages in Debian's chromium against the real server.</summary>
public sealed class ConsentAndAuditJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Consent_admin_sees_row_errors_imports_the_register_and_a_withdrawal_flags_the_draft_for_the_auditor_to_find()
    {
        var school = await fixture.CreateSchoolAsync();
        var csvDir = Directory.CreateTempSubdirectory("postguard-csv-").FullName;
        var bad = Path.Combine(csvDir, "bad.csv");
        var good = Path.Combine(csvDir, "register.csv");
        await File.WriteAllTextAsync(bad, Register.Csv.Replace("P002,pupil,Oliver,Smith,,Year 4,social-media,granted", "P002,pupil,,Smith,,Year 4,social-media,maybe", StringComparison.Ordinal));
        await File.WriteAllTextAsync(good, Register.Csv);

        var admin = await fixture.NewPageAsync(1280, 900);
        await school.SignInAsync(admin, Roles.ConsentAdmin);
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/people$"));

        // A file with bad rows: nothing is imported, every row and column is listed.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
        await admin.GetByLabel("CSV file").SetInputFilesAsync(bad);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        var errors = admin.Locator("#import-errors");
        await Expect(errors).ToContainTextAsync("Nothing was imported");
        await Expect(errors).ToContainTextAsync("row 3.first_name");
        await Expect(errors).ToContainTextAsync("row 3.status");
        await BrowserFixture.ScreenshotAsync(admin, "10-consent-import-errors");
        await admin.GotoAsync("/people");
        await Expect(admin.Locator("#people tbody tr")).ToHaveCountAsync(0);

        await admin.GotoAsync("/people/import");
        await admin.GetByLabel("CSV file").SetInputFilesAsync(good);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(admin.Locator("#import-result")).ToContainTextAsync("3 people added");

        await admin.GotoAsync("/people");
        var amelia = admin.Locator("#people tr").Filter(new() { HasText = "Amelia Hughes" });
        await Expect(amelia).ToContainTextAsync("granted");
        await Expect(admin.Locator("#people tr").Filter(new() { HasText = "Liam O'Brien" })).ToContainTextAsync("refused");
        await BrowserFixture.ScreenshotAsync(admin, "11-consent-people");

        // A draft that tags Amelia is approved by the headteacher; then her parents withdraw consent.
        using var webhook = new WebhookReceiver();
        await fixture.Server.Get<NotificationSettingsStore>().SaveAsync(
            new StaffUser(Guid.NewGuid(), school.Id, school.Email(Roles.Approver), Roles.Approver), webhook.Url.ToString(), null, CancellationToken.None);
        var ameliaId = await PersonIdAsync(school, "Amelia");
        var draftId = await SubmitPhotoDraftTaggingAsync(school, ameliaId);
        using (var approved = await school.Api(Roles.Approver).PostAsJsonAsync($"/api/v1/drafts/{draftId}/approve", new { reason = "Parents agreed on paper" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, approved.StatusCode);
        }

        await amelia.GetByRole(AriaRole.Link).ClickAsync();
        await admin.GetByLabel("Use").SelectOptionAsync("social-media");
        await admin.GetByLabel("Status").SelectOptionAsync("withdrawn");
        await admin.GetByLabel("Given by").FillAsync("Mrs Hughes");
        await admin.GetByLabel("Evidence").FillAsync("e-mail to the office");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        var recorded = admin.Locator("#recorded");
        await Expect(recorded).ToContainTextAsync("It flagged 1 draft(s)");
        await Expect(recorded.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/drafts/{draftId}");
        await Expect(admin.Locator("table.list")).ToContainTextAsync("withdrawn");
        await BrowserFixture.ScreenshotAsync(admin, "12-consent-withdrawal-flags-draft");

        // The headteacher is told at once: the webhook hears of the blocked draft.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!webhook.Bodies.Any(b => b.Contains($"\"draftId\":\"{draftId}\"", StringComparison.Ordinal) && b.Contains("\"decision\":\"Block\"", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the webhook was not told of the blocked draft: " + string.Join(" | ", webhook.Bodies));
            await Task.Delay(100);
        }

        var flagged = await school.Api(Roles.Approver).GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{draftId}");
        Assert.Equal("Block", (string?)flagged!["decision"]);
        Assert.Contains(flagged["findings"]!.AsArray(), f => (string?)f!["rule"] == "R4" && (bool)f["evidence"]!["takedown"]!);

        // The auditor finds the withdrawal by person, and the draft's whole story by its id.
        var auditor = await fixture.NewPageAsync(1280, 900);
        await school.SignInAsync(auditor, Roles.Auditor);
        await Expect(auditor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/audit$"));
        await auditor.GetByLabel("Person (name or id)").FillAsync("Amelia");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var rows = auditor.Locator("#audit tbody tr");
        await Expect(rows.Filter(new() { HasText = "consent.recorded" }).Filter(new() { HasText = "withdrawn" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "person.added" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "Liam" })).ToHaveCountAsync(0);

        await auditor.GotoAsync($"/audit?draft={draftId}");
        await Expect(rows.Filter(new() { HasText = "draft.submitted" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "draft.approved" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "draft.takedown" })).ToHaveCountAsync(1);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await auditor.GotoAsync($"/audit?from={today}&to={today}");
        await Expect(rows.Filter(new() { HasText = "user.signed-in" }).First).ToBeVisibleAsync();
        await auditor.GotoAsync("/audit?to=2000-01-01");
        await Expect(rows).ToHaveCountAsync(0);
        await auditor.GotoAsync($"/audit?draft={draftId}");
        await BrowserFixture.ScreenshotAsync(auditor, "13-auditor-trail-by-draft");

        // The auditor's role opens no consent page.
        Assert.Equal(403, (await auditor.GotoAsync("/people"))!.Status);
    }

    private static async Task<string> PersonIdAsync(BrowserSchool school, string firstName)
    {
        var people = await school.Api(Roles.ConsentAdmin).GetFromJsonAsync<JsonNode>("/api/v1/people");
        return (string)people!["people"]!.AsArray().Single(p => (string?)p!["firstName"] == firstName)!["id"]!;
    }

    private static async Task<Guid> SubmitPhotoDraftTaggingAsync(BrowserSchool school, string personId)
    {
        var photo = new ByteArrayContent(await File.ReadAllBytesAsync(TestPhotos.ThreeFacesNoGps()));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(System.Text.Json.JsonSerializer.Serialize(new { text = "Our Year 4 poets.", channels = new[] { "instagram" }, commentsEnabled = false, images = new[] { new { file = "poets.png", tags = new[] { personId } } } })), "draft" },
            { photo, "poets.png", "poets.png" },
        };
        using var response = await school.Api(Roles.Uploader).PostAsync("/api/v1/drafts", content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((string?)(await school.Api(Roles.Uploader).GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}"))!["status"] != "Decided")
        {
            Assert.True(DateTime.UtcNow < deadline, $"draft {id} was not decided");
            await Task.Delay(100);
        }
        return id;
    }
}
