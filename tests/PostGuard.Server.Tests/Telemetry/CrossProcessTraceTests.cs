using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Server.Tests.Production;

namespace PostGuard.Server.Tests.Telemetry;

/// <summary>
/// Production mode as real processes (`serve --role api`, `serve --role worker`, PostgreSQL, RabbitMQ)
/// exporting OTLP to a receiver in the test: one draft is one trace, from the api's HTTP POST through the
/// AnalyzeDraft send and, in the worker, its consumer, the analysis, each check and the decision; and the
/// worker's metrics count it.
/// </summary>
[Collection(RealServicesCollection.Name)]
public sealed class CrossProcessTraceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PostgresRabbitFact]
    public async Task One_draft_is_one_trace_from_the_api_request_to_the_workers_decision()
    {
        using var receiver = new OtlpReceiver();
        await using var cluster = await ServerCluster.StartAsync(workers: 1, new Dictionary<string, string>
        {
            ["Telemetry__OtlpEndpoint"] = receiver.Endpoint.ToString(),
            ["Telemetry__MetricExportIntervalSeconds"] = "1",
        });
        using var client = new HttpClient { BaseAddress = cluster.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await cluster.AddSchoolWithUploaderAsync());
        var id = await DraftApi.SubmitAsync(client, new
        {
            text = "Science week in Year 4",
            channels = new[] { "instagram" },
            images = new[] { new { file = "class.png" } },
        }, ("class.png", File.ReadAllBytes(TestPhotos.ThreeFacesNoGps())));
        var decided = await DraftApi.WaitForDecisionAsync(client, id, Patience);
        Assert.Equal("Hold", (string?)decided["decision"]); // three faces nobody accounts for

        // Each process exports its spans in batches (every few seconds): wait until the draft's whole trace is in,
        // from the api's request to the approver's notification, with no span whose parent is still missing.
        var decide = await EventuallyAsync(() => receiver.Spans.FirstOrDefault(s => s.Name == "decide draft" && IsWhole(receiver.Spans.Where(t => t.TraceId == s.TraceId).ToList())), receiver);
        var trace = receiver.Spans.Where(s => s.TraceId == decide.TraceId).ToList();
        var byId = trace.ToDictionary(s => s.SpanId);

        // The api process: the HTTP request is the trace's root, the send is below it.
        var post = Assert.Single(trace, s => s.Kind == SpanKind.Server && s.Name == "POST /api/v1/drafts");
        Assert.Equal("postguard-api", post.Service);
        Assert.Null(post.ParentSpanId);
        var send = Assert.Single(trace, s => s.Kind == SpanKind.Producer && s.Name.EndsWith("analyze-draft send", StringComparison.Ordinal));
        Assert.Equal("postguard-api", send.Service);
        Assert.Equal("MassTransit", send.Scope);
        Assert.Equal(post.SpanId, send.ParentSpanId);
        Assert.Contains(trace, s => s.Service == "postguard-api" && s.Scope == "Npgsql" && Ancestors(s, byId).Contains(post)); // the draft stored

        // The worker process: its receive span is a child of the api's send (the context rode in the message
        // headers), the consumer's span a child of the receive, the analysis a child of the consumer's.
        var receive = Assert.Single(trace, s => s.Kind == SpanKind.Consumer && s.Name.EndsWith("analyze-draft receive", StringComparison.Ordinal));
        Assert.Equal("postguard-worker", receive.Service);
        Assert.Equal(send.SpanId, receive.ParentSpanId);
        var consume = Assert.Single(trace, s => s.Kind == SpanKind.Consumer && s.Name.EndsWith("analyze-draft process", StringComparison.Ordinal));
        Assert.Equal("postguard-worker", consume.Service);
        Assert.Equal(receive.SpanId, consume.ParentSpanId);
        var analyse = Assert.Single(trace, s => s.Name == "analyse draft");
        Assert.Equal("postguard-worker", analyse.Service);
        Assert.Equal(id.ToString(), analyse.Attributes["postguard.draft.id"]);
        Assert.Equal("Hold", analyse.Attributes["postguard.decision"]);
        Assert.Equal(consume.SpanId, analyse.ParentSpanId);
        var runChecks = Assert.Single(trace, s => s.Name == "run checks" && s.ParentSpanId == analyse.SpanId);
        var inspect = Assert.Single(trace, s => s.Name == "inspect image");
        Assert.Equal(runChecks.SpanId, inspect.ParentSpanId);
        Assert.Equal("3", inspect.Attributes["postguard.image.faces"]);
        var checks = trace.Where(s => s.Name.StartsWith("check ", StringComparison.Ordinal)).ToList();
        Assert.All(checks, c => Assert.Equal(runChecks.SpanId, c.ParentSpanId));
        Assert.Contains(checks, c => c.Name == "check faces" && int.Parse(c.Attributes["postguard.findings"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(checks, c => c.Name == "check text-names");
        Assert.Equal(analyse.SpanId, decide.ParentSpanId);
        Assert.Equal("Hold", decide.Attributes["postguard.decision"]);
        Assert.Contains(trace, s => s.Service == "postguard-worker" && s.Scope == "Npgsql" && Ancestors(s, byId).Contains(decide)); // the decision stored
        // DraftDecided, published once decided, carries the trace on to the approver's notification.
        var notify = Assert.Single(trace, s => s.Kind == SpanKind.Consumer && s.Name.EndsWith("draft-needs-approver process", StringComparison.Ordinal));
        Assert.Contains(consume, Ancestors(notify, byId));

        // One root, and every other span's parent is in the trace: nothing is missing between the two processes.
        Assert.Equal(post, Assert.Single(trace, s => s.ParentSpanId is null));
        Assert.Empty(receiver.Errors);

        // The worker's metrics: one draft analysed, held, its analysis time and its wait in the queue.
        var held = await EventuallyAsync(() => receiver.MetricPoints.FirstOrDefault(p => p.Metric == "postguard.decisions" && p.Attributes.GetValueOrDefault("postguard.decision") == "Hold"), receiver);
        Assert.Equal("postguard-worker", held.Service);
        Assert.Equal(1, held.Value);
        var points = receiver.MetricPoints.Where(p => p.Service == "postguard-worker").ToList();
        Assert.Contains(points, p => p.Metric == "postguard.drafts.analysed" && p.Value >= 1);
        Assert.Contains(points, p => p.Metric == "postguard.analysis.duration" && p.Count >= 1 && p.Value > 0 && p.Attributes["postguard.decision"] == "Hold");
        Assert.Contains(points, p => p.Metric == "postguard.queue.wait" && p.Count >= 1 && p.Attributes["postguard.queue"] == "analyze-draft");
    }

    private static bool IsWhole(List<ReceivedSpan> trace)
    {
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        return trace.Any(s => s.Name == "POST /api/v1/drafts")
            && trace.Any(s => s.Name.EndsWith("draft-needs-approver process", StringComparison.Ordinal))
            && trace.All(s => s.ParentSpanId is null || ids.Contains(s.ParentSpanId));
    }

    private static List<ReceivedSpan> Ancestors(ReceivedSpan span, IReadOnlyDictionary<string, ReceivedSpan> byId)
    {
        var ancestors = new List<ReceivedSpan>();
        for (var parent = span.ParentSpanId; parent is not null && byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            ancestors.Add(next);
        }
        return ancestors;
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, OtlpReceiver receiver) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"not received in time; spans: {string.Join("; ", receiver.Spans.Select(s => s.ToString()))}; errors: {string.Join("; ", receiver.Errors)}");
    }
}
