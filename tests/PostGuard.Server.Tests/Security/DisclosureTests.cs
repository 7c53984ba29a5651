using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Notifications;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Security;

/// <summary>
/// What the service must not hand out: a webhook's credentials in the audit trail (governors read it),
/// and, to anybody who asks /health/ready, the blob directory or the database's error text.
/// </summary>
public sealed class DisclosureTests
{
    [Fact]
    public async Task Webhook_credentials_and_query_secrets_never_reach_the_audit_trail()
    {
        using var factory = new PostGuardFactory(Backend.SqliteInMemory(), new Dictionary<string, string?>
        {
            ["Notifications:WebhookAllowedNetworks"] = "127.0.0.1/32",
        });
        var school = await TestSchool.CreateAsync(factory);
        var approver = new StaffUser(Guid.NewGuid(), school.Id, $"approver@{school.Id}.sch.uk", Roles.Approver);
        await factory.Services.GetRequiredService<NotificationSettingsStore>().SaveAsync(
            approver, "http://relay-user:s3cret-pass@127.0.0.1:8080/hooks/postguard?token=abc123secret&channel=head", null, CancellationToken.None);

        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>("/api/v1/audit");
        var changed = Assert.Single(audit!["events"]!.AsArray(), e => (string?)e!["action"] == "settings.notifications-changed")!;
        var details = changed["details"]!.ToJsonString();
        Assert.DoesNotContain("s3cret-pass", details, StringComparison.Ordinal);
        Assert.DoesNotContain("relay-user", details, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123secret", details, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:8080", details, StringComparison.Ordinal); // where it points is still recorded
    }

    [Fact]
    public async Task Anonymous_readiness_shows_status_only()
    {
        using var factory = new PostGuardFactory(Backend.SqliteInMemory());
        using var client = factory.CreateClient();
        using (var ready = await client.GetAsync("/health/ready"))
        {
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", (string?)JsonNode.Parse(body)!["status"]);
            Assert.DoesNotContain(factory.DataDir, body, StringComparison.Ordinal);
            Assert.DoesNotContain("description", body, StringComparison.OrdinalIgnoreCase);
        }

        // A database that fails its check: the status says so, the error text stays in the log.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDir, "postguard.db")}"))
        {
            await connection.ExecuteAsync("ALTER TABLE schema_migrations RENAME TO schema_migrations_hidden");
        }
        using var failing = await client.GetAsync("/health/ready");
        var failed = await failing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
        Assert.Equal("Unhealthy", (string?)JsonNode.Parse(failed)!["status"]);
        Assert.DoesNotContain("schema_migrations", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", failed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(factory.DataDir, failed, StringComparison.Ordinal);
    }
}
