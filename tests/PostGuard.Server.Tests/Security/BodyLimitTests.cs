using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PostGuard.Server.Tests.Security;

/// <summary>
/// Each route accepts the body it needs and no more (JSON small, a CSV bounded, a draft by the configured
/// photo limits), and a draft's photo parts are read as they arrive, with their size checked on the way:
/// an oversized part is refused while the client is still sending it, instead of after the whole body has
/// been buffered. Against the real server process, whose memory is read from /proc.
/// </summary>
public sealed class BodyLimitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Json_and_csv_routes_refuse_bodies_beyond_their_limits_with_413()
    {
        await using var server = await StandaloneServer.StartAsync();
        var tokens = await server.AddSchoolAsync("limits");
        // As curl does for a large body: the client waits for the server's go-ahead, and gets the 413 instead.
        HttpClient Client(string role)
        {
            var client = server.Client(tokens[role]);
            client.DefaultRequestHeaders.ExpectContinue = true;
            return client;
        }

        using (var approve = new StringContent("{\"reason\":\"" + new string('a', 200_000) + "\"}", Encoding.UTF8, "application/json"))
        {
            using var response = await Client(Roles.Approver).PostAsync($"/api/v1/drafts/{Guid.NewGuid()}/approve", approve);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using (var person = new StringContent("{\"firstName\":\"" + new string('a', 200_000) + "\",\"lastName\":\"Hughes\"}", Encoding.UTF8, "application/json"))
        {
            using var response = await Client(Roles.ConsentAdmin).PostAsync("/api/v1/people", person);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        var csv = "external_id,first_name,last_name\nP1,Ada," + new string('a', 9 * 1024 * 1024) + "\n";
        using (var import = new StringContent(csv, Encoding.UTF8, "text/csv"))
        {
            using var response = await Client(Roles.ConsentAdmin).PostAsync("/api/v1/people/import", import);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        // Within the limits the same routes work.
        using (var import = new StringContent("external_id,first_name,last_name\nP1,Ada,Hughes\n", Encoding.UTF8, "text/csv"))
        {
            using var response = await Client(Roles.ConsentAdmin).PostAsync("/api/v1/people/import", import);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_300_mb_photo_part_is_refused_while_it_is_still_arriving()
    {
        await using var server = await StandaloneServer.StartAsync();
        var tokens = await server.AddSchoolAsync("bigpart");
        // Warm the server up with an ordinary draft, so its memory afterwards is what it needs to serve.
        using (var warm = await server.Client(tokens[Roles.Uploader]).PostAsync("/api/v1/drafts", DraftApi.Multipart(new { text = "Harvest assembly", channels = new[] { "instagram" } })))
        {
            Assert.Equal(HttpStatusCode.Accepted, warm.StatusCode);
        }
        await Task.Delay(1000);
        var before = server.Memory();
        server.ResetPeakMemory();

        const long partBytes = 300L * 1024 * 1024;
        var (status, body, sentWhenAnswered, elapsed) = await PostDraftWithOnePartAsync(server, tokens[Roles.Uploader], partBytes);
        var after = server.Memory();
        output.WriteLine($"server resident memory before {before.Resident:F0} MB; peak while refusing the 300 MB part {after.Peak:F0} MB (growth {after.Peak - before.Resident:F0} MB); " +
            $"answered {status} after {sentWhenAnswered / (1024.0 * 1024.0):F1} MB sent, {elapsed.TotalSeconds:F1} s");

        Assert.Equal(400, status);
        Assert.Contains("big.jpg", body, StringComparison.Ordinal);
        Assert.True(sentWhenAnswered < partBytes / 2, $"the answer came only after {sentWhenAnswered} of {partBytes} bytes were sent");

        // The server is still serving.
        using var next = await server.Client(tokens[Roles.Uploader]).PostAsync("/api/v1/drafts", DraftApi.Multipart(new { text = "Sports day", channels = new[] { "instagram" } }));
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    /// <summary>
    /// Sends the draft over a raw socket (so the test sees exactly when the answer arrives relative to
    /// what it has sent): the "draft" JSON part naming big.jpg, then a JPEG-looking part of the given size.
    /// </summary>
    private static async Task<(int Status, string Body, long SentWhenAnswered, TimeSpan Elapsed)> PostDraftWithOnePartAsync(StandaloneServer server, string token, long partBytes)
    {
        const string boundary = "postguard-boundary-7d1f";
        var head = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"draft\"\r\nContent-Type: application/json\r\n\r\n" +
            "{\"text\":\"Harvest assembly\",\"channels\":[\"instagram\"],\"images\":[{\"file\":\"big.jpg\",\"tags\":[]}]}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"big.jpg\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");
        var length = head.Length + partBytes + tail.Length;
        var request = Encoding.ASCII.GetBytes(
            $"POST /api/v1/drafts HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");

        using var client = new TcpClient();
        await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        await using var stream = client.GetStream();
        var watch = Stopwatch.StartNew();
        var sent = 0L;
        var sentWhenAnswered = -1L;
        using var answered = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            var received = new MemoryStream();
            var buffer = new byte[8192];
            while (true)
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(buffer);
                }
                catch (IOException)
                {
                    break;
                }
                if (read == 0)
                {
                    break;
                }
                if (received.Length == 0)
                {
                    Interlocked.Exchange(ref sentWhenAnswered, Interlocked.Read(ref sent));
                    await answered.CancelAsync();
                }
                received.Write(buffer, 0, read);
            }
            return Encoding.UTF8.GetString(received.ToArray());
        });

        try
        {
            await stream.WriteAsync(request, answered.Token);
            await stream.WriteAsync(head, answered.Token);
            var chunk = new byte[1024 * 1024];
            chunk[0] = 0xFF;
            chunk[1] = 0xD8;
            chunk[2] = 0xFF;
            for (var written = 0L; written < partBytes && !answered.IsCancellationRequested; written += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, partBytes - written)), answered.Token);
                Interlocked.Add(ref sent, Math.Min(chunk.Length, partBytes - written));
                chunk[0] = chunk[1] = chunk[2] = 0;
            }
            if (!answered.IsCancellationRequested)
            {
                await stream.WriteAsync(tail, answered.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // the server answered (and may have closed the connection) before everything was sent
        }
        var response = await reading.WaitAsync(TimeSpan.FromMinutes(2));
        watch.Stop();
        Assert.True(sentWhenAnswered >= 0, "no answer");
        var statusLine = response.Split("\r\n", 2)[0];
        Assert.StartsWith("HTTP/1.1 ", statusLine, StringComparison.Ordinal);
        var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = response.Contains("\r\n\r\n", StringComparison.Ordinal) ? response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..] : "";
        return (status, body, sentWhenAnswered, watch.Elapsed);
    }
}
