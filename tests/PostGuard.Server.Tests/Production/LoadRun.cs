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
/// a photo with three untagged faces (Hold), a large post of 20 photos with untagged faces (Hold).
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
        LargePost,
    }

    /// <param name="SubmittedAt">When the upload started (Stopwatch timestamp).</param>
    /// <param name="AcceptedAt">When the API answered 202: the draft was stored and its message published.</param>
    public sealed record Accepted(Guid Id, Kind Kind, long SubmittedAt, long AcceptedAt);

    public ConcurrentBag<Accepted> AcceptedDrafts { get; } = [];
    public ConcurrentDictionary<Guid, double> LatencySeconds { get; } = new();
    public ConcurrentBag<HttpStatusCode> Refusals { get; } = [];

    private static readonly byte[] Photo = File.ReadAllBytes(TestPhotos.ThreeFacesNoGps());

    /// <summary>
    /// The most photos a draft may have (SubmissionLimits): the six face-api group photos (1920 px wide)
    /// and the two 3840 × 2400 wallpapers (3 and 8.7 MB), over and over.
    /// </summary>
    private static readonly Lazy<byte[][]> LargePostPhotos = new(() =>
    {
        var files = Enumerable.Range(1, 6).Select(i => $"photos/face-api/sample{i}.jpg")
            .Append("photos/no-people/ukui-wallpapers-rhythm.jpg").Append("photos/no-people/ukui-wallpapers-string.jpg")
            .Select(destination => File.ReadAllBytes(TestPhotos.Path(destination))).ToArray();
        return [.. Enumerable.Range(0, new Core.Submissions.SubmissionLimits().MaxImages).Select(i => files[i % files.Length])];
    });

    public static string Expected(Kind kind) => kind switch
    {
        Kind.CleanText => "Approve",
        Kind.CommentsOn => "Block",
        _ => "Hold",
    };

    public static int PhotosOf(Kind kind) => kind switch
    {
        Kind.Photo => 1,
        Kind.LargePost => LargePostPhotos.Value.Length,
        _ => 0,
    };

    /// <summary>Submits count drafts, at most concurrency at a time; the kinds take turns: clean text, comments on, one photo.</summary>
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
                await SubmitOneAsync(client, i, (Kind)(i % 3));
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    /// <summary>Submits one draft of each kind given, one every interval, without waiting for earlier ones (as uploaders do).</summary>
    public async Task SubmitPacedAsync(IReadOnlyList<Kind> kinds, TimeSpan interval)
    {
        using var client = Client();
        var tasks = new List<Task>();
        for (var i = 0; i < kinds.Count; i++)
        {
            tasks.Add(SubmitOneAsync(client, AcceptedDrafts.Count + Refusals.Count + i, kinds[i]));
            await Task.Delay(interval);
        }
        await Task.WhenAll(tasks);
    }

    private async Task SubmitOneAsync(HttpClient client, int i, Kind kind)
    {
        try
        {
            (string Name, byte[] Content)[] photos = kind switch
            {
                Kind.Photo => [("class.png", Photo)],
                Kind.LargePost => [.. LargePostPhotos.Value.Select((bytes, n) => ($"photo{n}.jpg", bytes))],
                _ => [],
            };
            var draft = new
            {
                text = $"Well done to Year {(i % 6) + 1} for their Harvest Festival assembly! ({i})",
                channels = new[] { "instagram" },
                commentsEnabled = kind == Kind.CommentsOn,
                images = photos.Select(photo => new { file = photo.Name }).ToArray(),
            };
            using var content = DraftApi.Multipart(draft, photos);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/api/v1/drafts", content);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var id = Guid.Parse((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!);
                AcceptedDrafts.Add(new Accepted(id, kind, started, Stopwatch.GetTimestamp()));
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
    }

    /// <summary>
    /// Polls the database (the source of truth) until every accepted draft has its decision, which gives
    /// its latency. Pass the submission still under way, so that early drafts are timed while later ones
    /// are still being submitted; the wait then also lasts until that submission is over.
    /// </summary>
    public async Task WaitForAllDecisionsAsync(TimeSpan timeout, Task? submitting = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var submitted = submitting?.IsCompleted ?? true; // before the look: a draft accepted meanwhile is looked at next time
            var pending = AcceptedDrafts.Where(a => !LatencySeconds.ContainsKey(a.Id)).ToDictionary(a => a.Id.ToString());
            if (pending.Count == 0 && submitted)
            {
                break;
            }
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                var decided = await connection.QueryAsync<string>("SELECT draft_id FROM decisions WHERE draft_id = ANY(@ids)", new { ids = pending.Keys.ToArray() });
                var now = Stopwatch.GetTimestamp();
                foreach (var id in decided)
                {
                    LatencySeconds[pending[id].Id] = Stopwatch.GetElapsedTime(pending[id].SubmittedAt, now).TotalSeconds;
                }
            }
            catch (NpgsqlException)
            {
                // the database may be down during a fault test
            }
            await Task.Delay(200);
        }
        if (submitting is not null)
        {
            await submitting;
        }
        var undecided = AcceptedDrafts.Count(a => !LatencySeconds.ContainsKey(a.Id));
        Assert.True(undecided == 0, $"{undecided} accepted draft(s) were never decided");
    }

    /// <summary>
    /// Every accepted draft decided exactly once, with the decision its content calls for (nothing approved
    /// by a failure). Unless failures were provoked, no draft may be held "analysis incomplete" either.
    /// </summary>
    public async Task AssertExactlyOneCorrectDecisionEachAsync(bool failuresProvoked = true)
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
            Assert.True(failuresProvoked || !row.FindingsJson.Contains("ANALYSIS", StringComparison.Ordinal),
                $"draft {row.DraftId} ({kind}) was held with its analysis incomplete: {row.FindingsJson}");
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

    /// <summary>Each selected draft in submission order: when it was submitted, accepted and decided, in seconds from the first.</summary>
    public string Timeline(Func<Accepted, bool> selected)
    {
        var drafts = AcceptedDrafts.Where(selected).OrderBy(a => a.SubmittedAt).ToList();
        var origin = drafts.FirstOrDefault()?.SubmittedAt ?? 0;
        return string.Join(Environment.NewLine, drafts.Select(a =>
        {
            var submitted = Stopwatch.GetElapsedTime(origin, a.SubmittedAt).TotalSeconds;
            return $"{a.Kind,-10} submitted {submitted,6:0.00} s  accepted {Stopwatch.GetElapsedTime(origin, a.AcceptedAt).TotalSeconds,6:0.00} s  decided {submitted + LatencySeconds.GetValueOrDefault(a.Id, double.NaN),6:0.00} s";
        }));
    }

    /// <summary>A line of the report table about the accepted drafts selected (default: all of them).</summary>
    public string Report(string title, double wallSeconds, int workers, Func<Accepted, bool>? selected = null)
    {
        var drafts = AcceptedDrafts.Where(a => selected?.Invoke(a) ?? true).ToList();
        var latencies = drafts.Select(a => LatencySeconds.GetValueOrDefault(a.Id, double.NaN)).Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var photos = drafts.Sum(a => PhotosOf(a.Kind));
        return $"| {title} | {workers} | {drafts.Count} | {Refusals.Count} | {drafts.Count / wallSeconds * 60:0} | {photos / wallSeconds:0.0} | {Percentile(0.5):0.00} s | {Percentile(0.95):0.00} s | {cluster.PeakWorkerMemoryMegabytes():0} MB |";
    }

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", uploaderToken);
        return client;
    }
}
