using System.Net;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Drafts;

/// <summary>A worker whose face model cannot be loaded is not ready and holds every photo: it never approves one unchecked.</summary>
public sealed class UnloadableFaceModelTests : IDisposable
{
    private readonly string _garbageModel = Path.Combine(Path.GetTempPath(), $"postguard-garbage-{Guid.NewGuid():N}.onnx");
    private readonly PostGuardFactory _factory;

    public UnloadableFaceModelTests()
    {
        File.WriteAllBytes(_garbageModel, [0x08, 0x07, 0x12, 0xFF, 0x01, 0x02, 0x03]);
        _factory = new PostGuardFactory(Backend.SqliteInMemory(), new Dictionary<string, string?> { ["Vision:BackModel"] = _garbageModel });
    }

    [Fact]
    public async Task A_model_that_cannot_load_makes_the_service_unready_and_holds_the_photo()
    {
        using var ready = await _factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        var school = await TestSchool.CreateAsync(_factory, autoApproveClean: true);
        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Autumn leaves",
            channels = new[] { "instagram" },
            images = new[] { new { file = "leaves.jpg" } },
        }, ("leaves.jpg", await File.ReadAllBytesAsync(TestPhotos.Path("photos/no-people/opencv-doc-fruits.jpg"))));

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Hold", (string?)draft["decision"]);
        Assert.Contains(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "ANALYSIS");
    }

    public void Dispose()
    {
        _factory.Dispose();
        File.Delete(_garbageModel);
    }
}
