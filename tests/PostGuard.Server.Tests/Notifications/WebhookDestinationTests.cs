using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Findings;
using PostGuard.Core.Notifications;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Server.Web.Notifications;

namespace PostGuard.Server.Tests.Notifications;

/// <summary>
/// An approver's webhook URL must not make the server call into its own network (server-side request
/// forgery): loopback, private, link-local, multicast and unspecified addresses are refused when the
/// URL is saved and again when a notification is sent (after resolving the name, connecting only to the
/// address checked), redirects are never followed, and only a server-wide allow-list opens a network.
/// </summary>
public sealed class WebhookDestinationTests(WebhookDestinationTests.Servers servers) : IClassFixture<WebhookDestinationTests.Servers>
{
    /// <summary>Two services for the whole class: one with no allow-list, one allowing 127.0.0.1 (where the local receivers listen).</summary>
    public sealed class Servers : IDisposable
    {
        private readonly LocalSmtpReceiver _smtp = new();
        private readonly Lazy<PostGuardFactory> _guarded;
        private readonly Lazy<PostGuardFactory> _allowingLoopback;

        public Servers()
        {
            Dictionary<string, string?> Settings() => new()
            {
                ["Notifications:Smtp:Host"] = "127.0.0.1",
                ["Notifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:WebhookFirstRetryMilliseconds"] = "50",
            };
            _guarded = new(() => new PostGuardFactory(Backend.SqliteInMemory(), Settings()));
            _allowingLoopback = new(() =>
            {
                var settings = Settings();
                settings["Notifications:WebhookAllowedNetworks"] = "127.0.0.1/32";
                return new PostGuardFactory(Backend.SqliteInMemory(), settings);
            });
        }

        public PostGuardFactory Guarded => _guarded.Value;

        public PostGuardFactory AllowingLoopback => _allowingLoopback.Value;

        public void Dispose()
        {
            foreach (var factory in new[] { _guarded, _allowingLoopback }.Where(f => f.IsValueCreated))
            {
                factory.Value.Dispose();
            }
            _smtp.Dispose();
        }
    }

    public static TheoryData<string> InternalDestinations() =>
    [
        "http://127.0.0.1:1/",
        "http://127.1:8080/",
        "http://2130706433/",
        "http://localhost:5080/api",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:6379/",
        "http://10.1.2.3/hook",
        "http://172.16.0.1/hook",
        "http://192.168.1.1/hook",
        "http://100.64.0.1/hook",
        "http://[fd12:3456::1]/hook",
        "http://[fe80::1]/hook",
        "http://224.0.0.251/hook",
        "http://[ff02::1]/hook",
        "http://0.0.0.0:5080/",
        "http://[::]:5080/",
        "http://[::ffff:127.0.0.1]:6379/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "http://[::ffff:10.0.0.1]/hook",
    ];

    [Theory]
    [MemberData(nameof(InternalDestinations))]
    public async Task An_internal_destination_is_refused_when_saved_naming_the_field(string url)
    {
        var factory = servers.Guarded;
        var school = await TestSchool.CreateAsync(factory);
        var store = factory.Services.GetRequiredService<NotificationSettingsStore>();
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => store.SaveAsync(Approver(school), url, null, CancellationToken.None));
        var error = Assert.Single(invalid.Errors);
        Assert.Equal("webhookUrl", error.Field);
        Assert.Null((await store.GetAsync(school.Id, CancellationToken.None)).WebhookUrl);
    }

    [Fact]
    public async Task A_public_address_is_accepted_and_the_allow_list_opens_only_its_network()
    {
        var school = await TestSchool.CreateAsync(servers.Guarded);
        var store = servers.Guarded.Services.GetRequiredService<NotificationSettingsStore>();
        await store.SaveAsync(Approver(school), "https://203.0.113.10/hooks/postguard", null, CancellationToken.None);
        Assert.Equal(new Uri("https://203.0.113.10/hooks/postguard"), (await store.GetAsync(school.Id, CancellationToken.None)).WebhookUrl);

        var onPremises = await TestSchool.CreateAsync(servers.AllowingLoopback);
        var allowing = servers.AllowingLoopback.Services.GetRequiredService<NotificationSettingsStore>();
        await allowing.SaveAsync(Approver(onPremises), "http://127.0.0.1:8080/hooks", null, CancellationToken.None);
        var outside = await Assert.ThrowsAsync<InputValidationException>(() => allowing.SaveAsync(Approver(onPremises), "http://127.0.0.2:8080/hooks", null, CancellationToken.None));
        Assert.Equal("webhookUrl", Assert.Single(outside.Errors).Field);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_stored_internal_destination_is_refused_when_sent_and_the_email_still_goes(string host)
    {
        // As if the name resolved to a public address when saved and to loopback now (DNS rebinding),
        // or the allow-list was narrowed since: the check when sending decides.
        using var receiver = new LocalWebhookReceiver(200);
        var factory = servers.Guarded;
        var school = await TestSchool.CreateAsync(factory);
        var store = factory.Services.GetRequiredService<NotificationSettingsStore>();
        await store.SaveAsync(Approver(school), "https://203.0.113.10/hooks/postguard", "head@school.example", CancellationToken.None);
        await StoreWebhookDirectlyAsync(factory, school, new UriBuilder(receiver.Url) { Host = host }.Uri);

        var delivery = await factory.Services.GetRequiredService<ApproverNotifier>().NotifyAsync(school.Id, Guid.NewGuid(), 1, Decision.Hold, CancellationToken.None);

        Assert.False(delivery.Webhook);
        Assert.True(delivery.Email);
        await Task.Delay(300);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_nor_retried()
    {
        using var target = new LocalWebhookReceiver(200);
        using var redirecting = new LocalWebhookReceiver(new LocalWebhookReceiver.Answer(307, Location: target.Url));
        var factory = servers.AllowingLoopback;
        var school = await TestSchool.CreateAsync(factory);
        await factory.Services.GetRequiredService<NotificationSettingsStore>().SaveAsync(Approver(school), redirecting.Url.ToString(), null, CancellationToken.None);

        var delivery = await factory.Services.GetRequiredService<ApproverNotifier>().NotifyAsync(school.Id, Guid.NewGuid(), 1, Decision.Hold, CancellationToken.None);

        Assert.False(delivery.Webhook);
        await Task.Delay(300);
        Assert.Single(redirecting.Received);
        Assert.Empty(target.Received);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_the_next_attempt()
    {
        using var receiver = new LocalWebhookReceiver(new LocalWebhookReceiver.Answer(503, RetryAfterSeconds: 2), new LocalWebhookReceiver.Answer(200));
        var factory = servers.AllowingLoopback;
        var school = await TestSchool.CreateAsync(factory);
        await factory.Services.GetRequiredService<NotificationSettingsStore>().SaveAsync(Approver(school), receiver.Url.ToString(), null, CancellationToken.None);

        var delivery = await factory.Services.GetRequiredService<ApproverNotifier>().NotifyAsync(school.Id, Guid.NewGuid(), 1, Decision.Hold, CancellationToken.None);

        Assert.True(delivery.Webhook);
        var posts = receiver.Received.ToList();
        Assert.Equal(2, posts.Count);
        // The first retry would come after 50 ms; the receiver asked for 2 s.
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(1.8), $"retried after {(posts[1].At - posts[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Credentials_in_the_url_are_sent_as_basic_authentication()
    {
        using var receiver = new LocalWebhookReceiver(200);
        var factory = servers.AllowingLoopback;
        var school = await TestSchool.CreateAsync(factory);
        var url = new UriBuilder(receiver.Url) { UserName = "relay", Password = "s3cret-pass" }.Uri;
        await factory.Services.GetRequiredService<NotificationSettingsStore>().SaveAsync(Approver(school), url.ToString(), null, CancellationToken.None);

        var delivery = await factory.Services.GetRequiredService<ApproverNotifier>().NotifyAsync(school.Id, Guid.NewGuid(), 1, Decision.Hold, CancellationToken.None);

        Assert.True(delivery.Webhook);
        var post = Assert.Single(receiver.Received);
        Assert.Equal("Basic " + Convert.ToBase64String("relay:s3cret-pass"u8.ToArray()), post.Authorization);
    }

    private static StaffUser Approver(TestSchool school) => new(Guid.NewGuid(), school.Id, $"approver@{school.Id}.sch.uk", Roles.Approver);

    private static async Task StoreWebhookDirectlyAsync(PostGuardFactory factory, TestSchool school, Uri url)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDir, "postguard.db")}");
        var changed = await connection.ExecuteAsync("UPDATE school_notification_settings SET webhook_url = @url WHERE school_id = @school", new { url = url.ToString(), school = school.Id });
        Assert.Equal(1, changed);
    }
}
