using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Notifications;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Notifications;

/// <summary>
/// E-mail recipients are parsed as addresses when saved (a clear error naming the field, in time
/// linear in the input), and a failing e-mail is retried on its own: it never sends the webhook again.
/// The relay here refuses every recipient, as one does for an unknown mailbox.
/// </summary>
public sealed class EmailNotificationTests(EmailNotificationTests.Server server) : IClassFixture<EmailNotificationTests.Server>
{
    /// <summary>One service for the class, with a relay that refuses every recipient.</summary>
    public sealed class Server : IDisposable
    {
        private readonly LocalSmtpReceiver _refusingRelay = new(refuseRecipients: true);

        public Server() => Factory = new PostGuardFactory(Backend.SqliteInMemory(), new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = _refusingRelay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Attempts"] = "2",
            ["Notifications:WebhookAllowedNetworks"] = "127.0.0.1/32",
        });

        public PostGuardFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            _refusingRelay.Dispose();
        }
    }

    private PostGuardFactory Factory => server.Factory;

    [Theory]
    [InlineData("a\"b@c.d")]
    [InlineData("a@b..c")]
    [InlineData("head@school")]
    [InlineData("<head@school.example>")]
    [InlineData("Head Teacher head@school.example")]
    public async Task An_address_mail_cannot_be_sent_to_is_refused_when_saved(string address)
    {
        var school = await TestSchool.CreateAsync(Factory);
        var store = Factory.Services.GetRequiredService<NotificationSettingsStore>();
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => store.SaveAsync(Approver(school), null, $"deputy@school.example, {address}", CancellationToken.None));
        var error = Assert.Single(invalid.Errors);
        Assert.Equal("emailTo", error.Field);
        Assert.Contains(address, error.Message, StringComparison.Ordinal);
        Assert.Empty((await store.GetAsync(school.Id, CancellationToken.None)).EmailTo);
    }

    [Fact]
    public async Task A_huge_recipient_list_is_refused_without_parsing_it()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var store = Factory.Services.GetRequiredService<NotificationSettingsStore>();
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => store.SaveAsync(Approver(school), null, "x@" + new string('a', 80_000), CancellationToken.None));
        Assert.Equal("emailTo", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public async Task Ordinary_addresses_are_kept_once_each_as_written()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var store = Factory.Services.GetRequiredService<NotificationSettingsStore>();
        await store.SaveAsync(Approver(school), null, "Head@School.Example; office.manager+postguard@school.example\nhead@school.example", CancellationToken.None);
        Assert.Equal(["Head@School.Example", "office.manager+postguard@school.example"], (await store.GetAsync(school.Id, CancellationToken.None)).EmailTo);
    }

    [Theory]
    [InlineData("a\"b@c.d")] // stored before addresses were parsed when saved
    [InlineData("head@school.example")] // refused by the relay on every attempt
    public async Task A_failing_email_does_not_post_the_webhook_again(string storedRecipient)
    {
        using var webhook = new LocalWebhookReceiver(200);
        var school = await TestSchool.CreateAsync(Factory);
        await Factory.Services.GetRequiredService<NotificationSettingsStore>().SaveAsync(Approver(school), webhook.Url.ToString(), "head@school.example", CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(Factory.DataDir, "postguard.db")}"))
        {
            await connection.ExecuteAsync("UPDATE school_notification_settings SET email_to = @storedRecipient WHERE school_id = @school", new { storedRecipient, school = school.Id });
        }

        var id = await DraftApi.SubmitAsync(school.Uploader, new { text = "Amelia and Year 4 are at the Natural History Museum today!", channels = new[] { "instagram" } });
        Assert.Equal("Hold", (string?)(await DraftApi.WaitForDecisionAsync(school.Uploader, id))["decision"]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (webhook.Received.IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, "the webhook was never called");
            await Task.Delay(50);
        }
        // The consumer's own retries come within a few seconds: none may send the webhook again.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(webhook.Received);
    }

    private static StaffUser Approver(TestSchool school) => new(Guid.NewGuid(), school.Id, $"approver@{school.Id}.sch.uk", Roles.Approver);
}
