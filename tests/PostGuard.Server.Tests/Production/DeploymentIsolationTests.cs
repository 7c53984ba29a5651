using PostGuard.Server.Messaging;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// Deployments (or test runs) that share one RabbitMQ under different Messaging:QueuePrefix values
/// exchange nothing: neither through their queues nor through the exchanges named after message types.
/// </summary>
[Collection(RealServicesCollection.Name)]
public sealed class DeploymentIsolationTests
{
    [PostgresRabbitFact]
    public async Task Two_deployments_on_one_broker_never_receive_each_others_messages()
    {
        // Deployment B declares its topology and stops: its durable queues stay, with nobody consuming them.
        await using var other = await ServerCluster.StartAsync(workers: 1);
        await other.StopAsync();
        var declared = await other.Broker.QueuesAsync();
        Assert.Equal(ErrorQueue.Queues.Select(queue => other.QueuePrefix + queue).Order(), declared.Select(q => q.Queue).Order());

        // Deployment A decides a draft of each kind: it publishes AnalyzeDraft and DraftDecided messages.
        await using var cluster = await ServerCluster.StartAsync(workers: 1);
        var run = new LoadRun(cluster, await cluster.AddSchoolWithUploaderAsync());
        await run.SubmitAsync(count: 3, concurrency: 3);
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(1));
        await run.AssertExactlyOneCorrectDecisionEachAsync();
        await cluster.Broker.WaitUntilNothingIsReadyAsync(TimeSpan.FromSeconds(30));
        await cluster.StopAsync(); // once A's processes have exited, everything A publishes is on the broker

        Assert.All(await cluster.Broker.QueuesAsync(), q => Assert.True(q.Messages == 0, $"{q.Queue} of A holds {q.Messages} message(s)"));
        Assert.All(await other.Broker.QueuesAsync(), q => Assert.True(q.Messages == 0, $"{q.Queue} of B received {q.Messages} message(s) of A"));
    }
}
