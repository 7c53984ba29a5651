using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// A fresh deployment whose API accepts drafts before any worker has ever started (compose starts
/// them side by side): the analysis commands wait in their queue and are analysed as soon as a worker
/// comes, without waiting for the reconciler.
/// </summary>
[Collection(RealServicesCollection.Name)]
public sealed class WorkerStartTests
{
    [PostgresRabbitFact]
    public async Task Drafts_accepted_before_any_worker_started_are_analysed_when_one_starts()
    {
        await using var cluster = await ServerCluster.StartAsync(workers: 0, new Dictionary<string, string>
        {
            ["Reconciler__StuckAfterSeconds"] = "3600", // the reconciler must not be what saves them
        });
        using var client = new HttpClient { BaseAddress = cluster.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await cluster.AddSchoolWithUploaderAsync());
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await DraftApi.SubmitAsync(client, new { text = $"Choir practice {i}", channels = new[] { "instagram" } }));
        }

        cluster.StartWorker();
        foreach (var id in ids)
        {
            var decided = await DraftApi.WaitForDecisionAsync(client, id, TimeSpan.FromSeconds(60));
            Assert.Equal("Approve", (string?)decided["decision"]);
        }
    }
}
