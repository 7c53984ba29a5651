using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PostGuard.Server.Tests.Notifications;

/// <summary>
/// A webhook receiver on 127.0.0.1: records every POST (body, arrival time, Authorization header) and
/// answers with the next answer in the script (then 200).
/// </summary>
public sealed class LocalWebhookReceiver : IDisposable
{
    /// <summary>One scripted answer: a status, and optionally a Retry-After (seconds) or a Location (for a redirect).</summary>
    public sealed record Answer(int Status, int? RetryAfterSeconds = null, Uri? Location = null);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Answer> _script;

    public LocalWebhookReceiver(params int[] statuses)
        : this(statuses.Select(s => new Answer(s)).ToArray())
    {
    }

    public LocalWebhookReceiver(params Answer[] script)
    {
        _script = new ConcurrentQueue<Answer>(script);
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/postguard");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add($"http://localhost:{port}/"); // so a request naming the host "localhost" is not refused for its Host header
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string ContentType, string Body, DateTime At, string? Authorization)> Received { get; } = new();

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
            var at = DateTime.UtcNow;
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Received.Enqueue((context.Request.ContentType ?? "", await reader.ReadToEndAsync(), at, context.Request.Headers["Authorization"]));
            var answer = _script.TryDequeue(out var next) ? next : new Answer(200);
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (answer.Location is { } location)
            {
                context.Response.RedirectLocation = location.ToString();
            }
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();

    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that accepts every message and keeps its envelope and data
/// (or, when told to, refuses every recipient with 550, as a relay does for an unknown mailbox).
/// </summary>
public sealed class LocalSmtpReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly bool _refuseRecipients;

    public LocalSmtpReceiver(bool refuseRecipients = false)
    {
        _refuseRecipients = refuseRecipients;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<(IReadOnlyList<string> Recipients, string Data)> Messages { get; } = new();

    /// <summary>Every RCPT TO line received, accepted or refused.</summary>
    public ConcurrentQueue<string> Attempts { get; } = new();

    private async Task ServeAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("250 localhost");
            }
            else if (command.StartsWith("MAIL FROM", StringComparison.Ordinal))
            {
                recipients.Clear();
                await writer.WriteLineAsync("250 OK");
            }
            else if (command.StartsWith("RCPT TO", StringComparison.Ordinal))
            {
                Attempts.Enqueue(line);
                if (_refuseRecipients)
                {
                    await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
                    continue;
                }
                recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                await writer.WriteLineAsync("250 OK");
            }
            else if (command == "DATA")
            {
                await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                {
                    data.AppendLine(dataLine);
                }
                Messages.Enqueue((recipients.ToList(), data.ToString()));
                await writer.WriteLineAsync("250 OK queued");
            }
            else if (command == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else
            {
                await writer.WriteLineAsync("250 OK");
            }
        }
    }

    public void Dispose() => _listener.Stop();
}
