using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using MassTransit;
using Npgsql;
using PostGuard.Server.Messaging;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// A draft whose analysis fails after every retry: its message lands in the error queue, the draft is
/// held ("analysis incomplete", never approved), the operator lists the message and re-drives it.
/// </summary>
[Collection(RealServicesCollection.Name)]
public sealed class ErrorQueueTests
{
    [Fact]
    public void The_error_queue_tools_cover_the_queue_of_every_consumer()
    {
        var formatter = new KebabCaseEndpointNameFormatter(includeNamespace: false);
        var nameOf = typeof(KebabCaseEndpointNameFormatter).GetMethod(nameof(formatter.Consumer))!;
        var consumerQueues = typeof(ErrorQueue).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .Select(type => (string)nameOf.MakeGenericMethod(type).Invoke(formatter, null)!);
        Assert.Equal(consumerQueues.Order(), ErrorQueue.Queues.Order());
    }

    [PostgresRabbitFact]
    public async Task Failed_analysis_is_held_listed_and_redriven()
    {
        await using var cluster = await ServerCluster.StartAsync(workers: 0);
        var school = await cluster.RunVerbAsync("admin", "add-school", "--id", "faulty", "--name", "Faulty School", "--policy", "consent-based", "--channels", "instagram");
        Assert.True(school.ExitCode == 0, school.StdErr);
        var token = (await cluster.RunVerbAsync("admin", "add-user", "--school", "faulty", "--email", "deputy@faulty.sch.uk", "--role", "uploader")).StdOut.Trim();
        using var client = new HttpClient { BaseAddress = cluster.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var id = await DraftApi.SubmitAsync(client, new { text = "Choir practice", channels = new[] { "instagram" } });

        // Break what the worker needs (the school's stored policy) before any worker runs.
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString;
        string policy;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            policy = await connection.ExecuteScalarAsync<string>("SELECT policy_json FROM schools WHERE id = 'faulty'") ?? "";
            await connection.ExecuteAsync("UPDATE schools SET policy_json = '{\"preset\":\"unknown\"}' WHERE id = 'faulty'");
        }
        cluster.StartWorker();

        var held = await DraftApi.WaitForDecisionAsync(client, id, TimeSpan.FromSeconds(90));
        Assert.Equal("Hold", (string?)held["decision"]);
        Assert.Equal("ANALYSIS", (string?)held["findings"]![0]!["rule"]);

        var list = await cluster.RunVerbAsync("admin", "error-queue", "list");
        Assert.True(list.ExitCode == 0, list.StdErr);
        Assert.Contains(id.ToString(), list.StdOut);
        Assert.Contains("AnalyzeDraft", list.StdOut);
        Assert.Contains("1 failed message(s)", list.StdErr);

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("UPDATE schools SET policy_json = @policy WHERE id = 'faulty'", new { policy });
        }
        var redrive = await cluster.RunVerbAsync("admin", "error-queue", "redrive");
        Assert.True(redrive.ExitCode == 0, redrive.StdErr);
        Assert.Contains("1 message(s) sent back", redrive.StdOut);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = await cluster.RunVerbAsync("admin", "error-queue", "list");
        Assert.Contains("0 failed message(s)", after.StdErr);

        // The re-driven message finds the revision decided: still exactly one decision.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM decisions WHERE draft_id = @id", new { id = id.ToString() }));
        }
        var draft = await client.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
        Assert.Equal("Hold", (string?)draft!["decision"]);
    }
}
