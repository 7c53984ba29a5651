using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using PostGuard.Server.Messaging;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// Submits a mix of drafts concurrently through the API and waits until every accepted draft is
/// decided, measuring submit-to-decision latency. Kinds: clean text (Approve), comments on (Block),
/// a photo with three untagged faces (Hold).
/// </summary>
public sealed class LoadRun(ServerCluster cluster, string uploaderToken)
{
    // Unpooled: PostgreSQL may be restarted during the run.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString;

    public enum Kind
    {
        CleanText,
        CommentsOn,
        Photo,
    }

    public sealed record Accepted(Guid Id, Kind Kind, long SubmittedAt);

    public ConcurrentBag<Accepted> AcceptedDrafts { get; } = [];
    public ConcurrentDictionary<Guid, double> LatencySeconds { get; } = new();
    public ConcurrentBag<HttpStatusCode> Refusals { get; } = [];

    private static readonly byte[] Photo = File.ReadAllBytes(TestPhotos.ThreeFacesNoGps());

    public static string Expected(Kind kind) => kind switch
    {
        Kind.CleanText => "Approve",
        Kind.CommentsOn => "Block",
        _ => "Hold",
    };

    public async Task SubmitAsync(int count, int concurrency, Func<int, Task>? beforeEach = null)
    {
        using var client = Client();
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                if (beforeEach is not null)
                {
                    await beforeEach(i);
                }
                var kind = (Kind)(i % 3);
                var draft = new
                {
                    text = $"Well done to Year {(i % 6) + 1} for their Harvest Festival assembly! ({i})",
                    channels = new[] { "instagram" },
                    commentsEnabled = kind == Kind.CommentsOn,
                    images = kind == Kind.Photo ? new[] { new { file = "class.png" } } : [],
                };
                using var content = kind == Kind.Photo ? DraftApi.Multipart(draft, ("class.png", Photo)) : DraftApi.Multipart(draft);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/api/v1/drafts", content);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var id = Guid.Parse((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!);
                    AcceptedDrafts.Add(new Accepted(id, kind, started));
                }
                else
                {
                    Refusals.Add(response.StatusCode);
                }
            }
            catch (HttpRequestException)
            {
                Refusals.Add(HttpStatusCode.ServiceUnavailable);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    /// <summary>Polls the database (the source of truth) until every accepted draft has its decision.</summary>
    public async Task WaitForAllDecisionsAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = AcceptedDrafts.ToDictionary(a => a.Id.ToString());
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                var decided = await connection.QueryAsync<string>("SELECT draft_id FROM decisions WHERE draft_id = ANY(@ids)", new { ids = pending.Keys.ToArray() });
                var now = Stopwatch.GetTimestamp();
                foreach (var id in decided)
                {
                    if (pending.Remove(id, out var accepted))
                    {
                        LatencySeconds[accepted.Id] = Stopwatch.GetElapsedTime(accepted.SubmittedAt, now).TotalSeconds;
                    }
                }
            }
            catch (NpgsqlException)
            {
                // the database may be down during a fault test
            }
            await Task.Delay(200);
        }
        Assert.True(pending.Count == 0, $"{pending.Count} accepted draft(s) were never decided");
    }

    /// <summary>Every accepted draft decided exactly once, with the decision its content calls for (nothing approved by a failure).</summary>
    public async Task AssertExactlyOneCorrectDecisionEachAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        var rows = (await connection.QueryAsync<(string DraftId, string Decision, string FindingsJson)>(
            "SELECT draft_id, decision, findings_json FROM decisions")).ToList();
        var accepted = AcceptedDrafts.ToDictionary(a => a.Id.ToString());
        Assert.Equal(accepted.Count, rows.Count);
        Assert.Equal(accepted.Count, rows.Select(r => r.DraftId).Distinct().Count());
        foreach (var row in rows)
        {
            var kind = accepted[row.DraftId].Kind;
            // A failure may only turn a decision into "analysis incomplete" (Hold), never an approval.
            if (row.Decision != Expected(kind))
            {
                Assert.True(row.Decision == "Hold" && row.FindingsJson.Contains("ANALYSIS", StringComparison.Ordinal),
                    $"draft {row.DraftId} ({kind}) decided {row.Decision}: {row.FindingsJson}");
            }
        }
        var decidedAudits = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE action = 'draft.decided'");
        Assert.Equal(accepted.Count, decidedAudits);
    }

    /// <summary>
    /// After every decision, nothing is left on the broker: every queue of the cluster but the _error ones
    /// is empty while the processes run, and again once they have stopped gracefully (a message a consumer
    /// held unacknowledged would then be back in its queue and counted). A message in an _error queue is
    /// allowed only for a draft that was held "analysis incomplete". Returns what it found, for the output.
    /// </summary>
    public async Task<string> AssertNothingLeftOnTheBrokerAsync()
    {
        var running = await cluster.Broker.WaitUntilNothingIsReadyAsync(TimeSpan.FromMinutes(1));
        Assert.All(running.Where(q => !q.IsErrorQueue), q => Assert.True(q.Messages == 0, $"{q.Queue} still holds {q.Messages} ready message(s) after every decision"));
        await cluster.StopAsync();
        var stopped = await cluster.Broker.QueuesAsync();
        Assert.All(stopped.Where(q => !q.IsErrorQueue), q => Assert.True(q.Messages == 0, $"{q.Queue} holds {q.Messages} message(s) after a graceful stop: they were left unacknowledged"));

        var errorQueue = new ErrorQueue(new MessagingOptions
        {
            Transport = MessagingTransport.RabbitMq,
            RabbitMq = new RabbitMqOptions { Uri = RealServices.RabbitMq! },
            QueuePrefix = cluster.QueuePrefix,
        });
        var failed = await errorQueue.ListAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(_connectionString);
        foreach (var message in failed)
        {
            var envelope = JsonNode.Parse(message.Body)!["message"]!;
            var draftId = (string?)(envelope["draftId"] ?? envelope["message"]?["draftId"]);
            var decision = await connection.QuerySingleAsync<(string Decision, string FindingsJson)>(
                "SELECT decision, findings_json FROM decisions WHERE draft_id = @draftId", new { draftId });
            Assert.True(decision.Decision == "Hold" && decision.FindingsJson.Contains("ANALYSIS", StringComparison.Ordinal),
                $"{message.MessageType} of draft {draftId} is in {message.Queue}_error, but only a draft held \"analysis incomplete\" may leave a failed message; it was decided {decision.Decision}");
        }
        var errors = failed.Count == 0 ? "none" : string.Join(", ", failed.GroupBy(m => m.Queue).Select(g => $"{g.Key}_error {g.Count()}"));
        return $"broker: {stopped.Count(q => !q.IsErrorQueue)} queues empty (ready and unacknowledged) after a graceful stop; messages in error queues: {errors}";
    }

    public string Report(string title, double wallSeconds, int workers)
    {
        var latencies = LatencySeconds.Values.Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var photos = AcceptedDrafts.Count(a => a.Kind == Kind.Photo);
        return $"| {title} | {workers} | {AcceptedDrafts.Count} | {Refusals.Count} | {AcceptedDrafts.Count / wallSeconds * 60:0} | {photos / wallSeconds:0.0} | {Percentile(0.5):0.00} s | {Percentile(0.95):0.00} s | {cluster.PeakWorkerMemoryMegabytes():0} MB |";
    }

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", uploaderToken);
        return client;
    }
}
