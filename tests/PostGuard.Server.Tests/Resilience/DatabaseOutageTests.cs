using System.Net;
using Npgsql;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Resilience;

/// <summary>
/// The service against the real PostgreSQL through a gate that drops the database off the network:
/// the API answers 503 with Retry-After (never 500), the circuit opens so requests fail at once
/// instead of queueing behind connection attempts, nothing is stored while it is down, and the
/// service recovers by itself once the database is reachable again.
/// </summary>
public sealed class DatabaseOutageTests
{
    [PostgresRabbitFact]
    public async Task Unreachable_database_opens_the_circuit_answers_503_and_recovers()
    {
        var backend = Backend.PostgresRabbitMq($"postguard_outage_{Guid.NewGuid():N}"[..30]);
        var direct = new NpgsqlConnectionStringBuilder(backend.Settings["Database:ConnectionString"]);
        await using var gate = new TcpGate(direct.Host!, direct.Port);
        var gated = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = gate.Port };
        using var factory = new PostGuardFactory(backend, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = gated.ConnectionString,
            ["Database:Resilience:Retries"] = "1",
            ["Database:Resilience:FirstRetryDelayMilliseconds"] = "50",
            ["Database:Resilience:BreakMinimumCalls"] = "4",
            ["Database:Resilience:BreakSamplingSeconds"] = "2",
            ["Database:Resilience:BreakSeconds"] = "3",
        });
        var school = await TestSchool.CreateAsync(factory);
        var first = await DraftApi.SubmitAsync(school.Uploader, new { text = "Choir practice tonight", channels = new[] { "instagram" } });
        await DraftApi.WaitForDecisionAsync(school.Uploader, first);

        gate.Shut();
        // The circuit judges the share of failed calls over the sampling window; let the window of
        // successful calls before the outage pass.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var answers = new List<(HttpStatusCode Status, string? RetryAfter, string Body)>();
        for (var i = 0; i < 12; i++)
        {
            using var response = i % 2 == 0
                ? await school.Uploader.GetAsync($"/api/v1/drafts/{first}")
                : await school.Uploader.PostAsync("/api/v1/drafts", DraftApi.Multipart(new { text = $"Sports day {i}", channels = new[] { "instagram" } }));
            answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync()));
        }
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        Assert.All(answers, a => Assert.NotNull(a.RetryAfter));
        Assert.Contains(answers, a => a.Body.Contains("circuit open", StringComparison.Ordinal));

        gate.Open();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            using var response = await school.Uploader.GetAsync($"/api/v1/drafts/{first}");
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);

        // The submissions refused during the outage stored nothing; new ones go through again.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM drafts", connection);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }
        var after = await DraftApi.SubmitAsync(school.Uploader, new { text = "Harvest festival on Friday", channels = new[] { "instagram" } });
        Assert.Equal("Decided", (string?)(await DraftApi.WaitForDecisionAsync(school.Uploader, after))["status"]);
    }
}
