using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Clips;

/// <summary>A service without ffmpeg is not ready, refuses clips with a 503 (nothing stored) and still takes photos.</summary>
public sealed class MissingFfmpegTests : IDisposable
{
    private readonly PostGuardFactory _factory = new(Backend.SqliteInMemory(), new Dictionary<string, string?>
    {
        ["Video:FfprobePath"] = "/nonexistent/ffprobe",
        ["Video:FfmpegPath"] = "/nonexistent/ffmpeg",
    });

    [Fact]
    public async Task Without_ffmpeg_the_service_is_unready_and_a_clip_is_refused_with_503_while_photos_are_checked()
    {
        using var ready = await _factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        // Only the statuses are shown (the reason goes to the log).
        Assert.Equal("Unhealthy", (string?)System.Text.Json.Nodes.JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["ffmpeg"]);

        var school = await TestSchool.CreateAsync(_factory);
        using var clip = await school.Uploader.PostAsync("/api/v1/drafts", DraftApi.Multipart(new
        {
            text = "Sports day",
            channels = new[] { "instagram" },
            images = new[] { new { file = "sports.mp4" } },
        }, ("sports.mp4", await TestClips.ThreeFacesAsync())));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, clip.StatusCode);

        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Science week",
            channels = new[] { "instagram" },
            images = new[] { new { file = "class.png" } },
        }, ("class.png", await File.ReadAllBytesAsync(TestPhotos.ThreeFacesNoGps())));
        Assert.Equal("Hold", (string?)(await DraftApi.WaitForDecisionAsync(school.Uploader, id))["decision"]);
        var audit = (await school.Auditor.GetFromJsonAsync<JsonNode>("/api/v1/audit"))!["events"]!.AsArray();
        Assert.Single(audit, e => (string?)e!["action"] == "draft.submitted");
    }

    public void Dispose() => _factory.Dispose();
}
