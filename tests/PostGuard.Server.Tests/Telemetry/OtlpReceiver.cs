using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;

namespace PostGuard.Server.Tests.Telemetry;

/// <summary>
/// A collector's OTLP/HTTP endpoint on 127.0.0.1 (what an OpenTelemetry Collector listens on at :4318):
/// takes protobuf bodies at /v1/traces and /v1/metrics, keeps what they carry and answers 200 with an
/// empty Export*ServiceResponse. The exporter has no OTLP/JSON, so the bodies are read as protobuf.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedMetricPoint> _metrics = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public OtlpReceiver()
    {
        var port = Notifications.LocalWebhookReceiver.FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The base address to configure (Telemetry:OtlpEndpoint); the signals' paths are below it.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<ReceivedMetricPoint> MetricPoints => [.. _metrics];

    /// <summary>Requests it could not read (wrong path, content type or body).</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                var body = await ReadBodyAsync(context.Request);
                var path = context.Request.Url?.AbsolutePath;
                if (context.Request.HttpMethod != "POST" || context.Request.ContentType != "application/x-protobuf")
                {
                    throw new InvalidDataException($"{context.Request.HttpMethod} {path} as {context.Request.ContentType}");
                }
                switch (path)
                {
                    case "/v1/traces":
                        foreach (var span in OtlpProtobuf.ReadTraces(body))
                        {
                            _spans.Enqueue(span);
                        }
                        break;
                    case "/v1/metrics":
                        foreach (var point in OtlpProtobuf.ReadMetrics(body))
                        {
                            _metrics.Enqueue(point);
                        }
                        break;
                    default:
                        throw new InvalidDataException($"unexpected path {path}");
                }
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (Exception ex) when (ex is InvalidDataException or Google.Protobuf.InvalidProtocolBufferException or InvalidOperationException)
            {
                _errors.Enqueue(ex.Message);
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        var stream = request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(request.InputStream, CompressionMode.Decompress) : request.InputStream;
        await using (stream)
        {
            await stream.CopyToAsync(buffer);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _listener.Close();
}
