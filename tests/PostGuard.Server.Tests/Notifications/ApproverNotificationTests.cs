using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Notifications;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Notifications;

/// <summary>
/// When a draft needs the headteacher, the school's webhook gets a JSON POST (retried when it fails)
/// and its recipients an e-mail through SMTP: both against real local receivers the test starts.
/// </summary>
public sealed class ApproverNotificationTests : IDisposable
{
    private readonly LocalSmtpReceiver _smtp = new();
    private readonly PostGuardFactory _factory;

    public ApproverNotificationTests()
    {
        _factory = new PostGuardFactory(Backend.SqliteInMemory(), new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:From"] = "postguard@trust.example",
            ["Notifications:PublicBaseUrl"] = "https://postguard.example",
            ["Notifications:WebhookFirstRetryMilliseconds"] = "50",
            // The receivers listen on loopback, which is refused unless allowed (as for an on-premises receiver).
            ["Notifications:WebhookAllowedNetworks"] = "127.0.0.1/32",
        });
    }

    [Fact]
    public async Task A_held_draft_reaches_the_webhook_after_a_failure_and_the_head_by_email_without_names()
    {
        using var webhook = new LocalWebhookReceiver(503);
        var school = await TestSchool.CreateAsync(_factory);
        await ConfigureAsync(school, webhook.Url.ToString(), "head@school.example, deputy-head@school.example");

        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Amelia and Year 4 are at the Natural History Museum today!",
            channels = new[] { "instagram" },
            commentsEnabled = false,
        });
        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Hold", (string?)draft["decision"]);

        await Eventually(() => webhook.Received.Count >= 2 && !_smtp.Messages.IsEmpty);
        var posts = webhook.Received.ToList();
        Assert.Equal(2, posts.Count); // the 503, then the retry that succeeded
        Assert.All(posts, p => Assert.StartsWith("application/json", p.ContentType, StringComparison.Ordinal));
        var body = JsonNode.Parse(posts[1].Body)!;
        Assert.Equal("draft.needs-approver", (string?)body["type"]);
        Assert.Equal(id.ToString(), (string?)body["draftId"]);
        Assert.Equal(1, (int)body["revision"]!);
        Assert.Equal("Hold", (string?)body["decision"]);
        Assert.Equal($"https://postguard.example/drafts/{id}/review", (string?)body["link"]);
        Assert.DoesNotContain("Amelia", posts[1].Body, StringComparison.Ordinal);

        var (recipients, data) = Assert.Single(_smtp.Messages);
        data = QuotedPrintable(data);
        Assert.Equal(["head@school.example", "deputy-head@school.example"], recipients);
        Assert.Contains("Subject: [PostGuard] Hold: a draft post needs your decision", data, StringComparison.Ordinal);
        Assert.Contains($"https://postguard.example/drafts/{id}/review", data, StringComparison.Ordinal);
        Assert.DoesNotContain("Amelia", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_approved_without_the_head_sends_nothing_and_a_refusing_webhook_is_not_retried()
    {
        using var webhook = new LocalWebhookReceiver(410, 410, 410);
        var auto = await TestSchool.CreateAsync(_factory, autoApproveClean: true);
        await ConfigureAsync(auto, webhook.Url.ToString(), "head@auto.example");
        var clean = await DraftApi.SubmitAsync(auto.Uploader, new { text = "Our Harvest Festival collection raised a record amount.", channels = new[] { "instagram" }, commentsEnabled = false });
        Assert.Equal("AutoApproved", (string?)(await DraftApi.WaitForDecisionAsync(auto.Uploader, clean))["reviewState"]);

        var blocked = await DraftApi.SubmitAsync(auto.Uploader, new { text = "Comments on, please.", channels = new[] { "instagram" }, commentsEnabled = true });
        Assert.Equal("Block", (string?)(await DraftApi.WaitForDecisionAsync(auto.Uploader, blocked))["decision"]);
        await Eventually(() => !webhook.Received.IsEmpty && !_smtp.Messages.IsEmpty);
        await Task.Delay(500);

        var post = Assert.Single(webhook.Received); // 410: the receiver refuses it; a retry would not help
        Assert.Equal(blocked.ToString(), (string?)JsonNode.Parse(post.Body)!["draftId"]);
        var (_, data) = Assert.Single(_smtp.Messages); // the e-mail still goes, for the blocked draft only
        Assert.Contains("Subject: [PostGuard] Block:", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_are_validated_per_field_and_audited()
    {
        var school = await TestSchool.CreateAsync(_factory);
        var store = _factory.Services.GetRequiredService<NotificationSettingsStore>();
        var approver = new StaffUser(Guid.NewGuid(), school.Id, $"approver@{school.Id}.sch.uk", Roles.Approver);
        var invalid = await Assert.ThrowsAsync<Core.Submissions.InputValidationException>(() => store.SaveAsync(approver, "ftp://example.org/x", "head@school.example; not-an-address", CancellationToken.None));
        Assert.Equal(["webhookUrl", "emailTo"], invalid.Errors.Select(e => e.Field));
        Assert.Null((await store.GetAsync(school.Id, CancellationToken.None)).WebhookUrl);

        await store.SaveAsync(approver, "https://203.0.113.10/x", "head@school.example", CancellationToken.None);
        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>("/api/v1/audit");
        Assert.Contains(audit!["events"]!.AsArray(), e => (string?)e!["action"] == "settings.notifications-changed" && (string?)e["details"]!["emailTo"] == "head@school.example");
    }

    /// <summary>The message as a person reads it: quoted-printable soft line breaks joined.</summary>
    private static string QuotedPrintable(string data) => data.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);

    [Fact]
    public async Task A_withdrawal_through_the_api_notifies_about_the_draft_it_blocked()
    {
        using var webhook = new LocalWebhookReceiver(200);
        var school = await TestSchool.CreateAsync(_factory);
        await ConfigureAsync(school, webhook.Url.ToString(), "head@school.example");
        using (var csv = new StringContent("external_id,first_name,last_name,use,status,given_by,valid_from\nP1,Ruby,Evans,social-media,granted,Mrs Evans,2026-01-01\n", System.Text.Encoding.UTF8, "text/csv"))
        {
            using var imported = await school.ConsentAdmin.PostAsync("/api/v1/people/import", csv);
            Assert.Equal(System.Net.HttpStatusCode.OK, imported.StatusCode);
        }
        var ruby = (string)(await school.Uploader.GetFromJsonAsync<JsonNode>("/api/v1/people"))!["people"]![0]!["id"]!;
        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Science week",
            channels = new[] { "instagram" },
            images = new[] { new { file = "class.png", tags = new[] { ruby } } },
        }, ("class.png", await File.ReadAllBytesAsync(TestPhotos.ThreeFacesNoGps())));
        await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        await Eventually(() => webhook.Received.Count >= 1); // the Hold

        var (status, _) = await DraftApi.PostJsonAsync(school.ConsentAdmin, $"/api/v1/people/{ruby}/consents",
            new { use = "social-media", status = "withdrawn", givenBy = "Mrs Evans" });
        Assert.Equal(System.Net.HttpStatusCode.Created, status);

        await Eventually(() => webhook.Received.Count >= 2);
        var body = JsonNode.Parse(webhook.Received.ToList()[1].Body)!;
        Assert.Equal(id.ToString(), (string?)body["draftId"]);
        Assert.Equal("Block", (string?)body["decision"]);
        Assert.DoesNotContain("Ruby", webhook.Received.ToList()[1].Body, StringComparison.Ordinal);
    }

    private async Task ConfigureAsync(TestSchool school, string webhook, string emailTo) =>
        await _factory.Services.GetRequiredService<NotificationSettingsStore>().SaveAsync(
            new StaffUser(Guid.NewGuid(), school.Id, $"approver@{school.Id}.sch.uk", Roles.Approver), webhook, emailTo, CancellationToken.None);

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the notifications");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }
}
