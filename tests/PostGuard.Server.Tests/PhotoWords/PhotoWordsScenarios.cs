using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision.Assets;

namespace PostGuard.Server.Tests.PhotoWords;

/// <summary>
/// Words inside photos through the real service: a rendered certificate naming a pupil of the register, a coach sign with a
/// phone number, and the very same photos with the card's words left out; the approver's redacted version covers the words.
/// </summary>
public abstract class PhotoWordsScenarios(BackendFixture fixture) : IDisposable
{
    private readonly SceneRenderer _renderer = new(AssetDirectory.Locate(), System.IO.Path.Combine(Directory.GetParent(AssetDirectory.Locate().Root)!.FullName, "tests", "PostGuard.Vision.Tests", "Labels"));

    private PostGuardFactory Factory => fixture.Factory;

    private static object PhotoDraft(string file) => new
    {
        text = "A wonderful week in Year 4!",
        channels = new[] { "instagram" },
        publishAt = "2026-11-21T16:00:00Z",
        commentsEnabled = false,
        images = new[] { new { file, tags = Array.Empty<string>() } },
    };

    private static async Task ImportRegisterAsync(TestSchool school)
    {
        using var content = new StringContent(SceneWords.RegisterCsv(), Encoding.UTF8, "text/csv");
        using var response = await school.ConsentAdmin.PostAsync("/api/v1/people/import", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<JsonNode> PhotoFindings(JsonNode draft) =>
        draft["findings"]!.AsArray().Select(f => f!).Where(f => (string?)f["evidence"]?["source"] == "photo-text");

    protected async Task A_certificate_naming_a_pupil_blocks_with_the_box_and_the_same_photo_without_words_does_not()
    {
        var school = await TestSchool.CreateAsync(Factory);
        await ImportRegisterAsync(school);
        var scene = _renderer.Render(SceneKind.Certificate, 101, heldOut: false);
        var id = await DraftApi.SubmitAsync(school.Uploader, PhotoDraft("award.jpg"), ("award.jpg", scene.Jpeg));
        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);

        Assert.Equal("Block", (string?)draft["decision"]);
        var finding = Assert.Single(PhotoFindings(draft), f => (string?)f["rule"] == "R6");
        Assert.Equal("Block", (string?)finding["severity"]);
        var evidence = finding["evidence"]!;
        Assert.Equal(0, (int)evidence["image"]!);
        Assert.Equal("award.jpg", (string?)evidence["file"]);
        var name = string.Join(' ', scene.NameWords.Select(w => w.Text));
        Assert.Equal(name, (string?)evidence["words"]);
        var box = evidence["box"]!;
        var drawn = scene.NameWords.First().Box;
        Assert.InRange((int)box["x"]!, drawn.X - 60, drawn.X + 60);
        Assert.InRange((int)box["y"]!, drawn.Y - 60, drawn.Y + 60);
        var lines = draft["images"]![0]!["textLines"]!.AsArray();
        Assert.Contains(lines, l => (string?)l!["text"] == name);

        var blank = _renderer.Render(SceneKind.Certificate, 101, heldOut: false, withWords: false);
        var clean = await DraftApi.WaitForDecisionAsync(school.Uploader, await DraftApi.SubmitAsync(school.Uploader, PhotoDraft("award.jpg"), ("award.jpg", blank.Jpeg)));
        Assert.Empty(PhotoFindings(clean));
        Assert.DoesNotContain(clean["findings"]!.AsArray(), f => (string?)f!["rule"] is "R6" or "R10");
    }

    protected async Task A_phone_number_on_a_sign_is_R10_and_the_same_sign_without_words_raises_nothing()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var scene = _renderer.Render(SceneKind.CoachSign, 101, heldOut: false);
        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, await DraftApi.SubmitAsync(school.Uploader, PhotoDraft("coach.jpg"), ("coach.jpg", scene.Jpeg)));
        Assert.Equal("Hold", (string?)draft["decision"]);
        var phone = Assert.Single(PhotoFindings(draft), f => (string?)f["rule"] == "R10");
        Assert.Equal("phone", (string?)phone["evidence"]!["dataKind"]);
        var digits = string.Concat(scene.Words.Where(w => w.Role == WordRole.Phone).Select(w => w.Text));
        Assert.Contains(digits, new string([.. ((string?)phone["evidence"]!["words"])!.Where(char.IsDigit)]), StringComparison.Ordinal);

        var blank = _renderer.Render(SceneKind.CoachSign, 101, heldOut: false, withWords: false);
        var clean = await DraftApi.WaitForDecisionAsync(school.Uploader, await DraftApi.SubmitAsync(school.Uploader, PhotoDraft("coach.jpg"), ("coach.jpg", blank.Jpeg)));
        Assert.Equal("Approve", (string?)clean["decision"]);
        Assert.Empty(clean["findings"]!.AsArray());
    }

    protected async Task The_redacted_version_covers_the_words_and_is_approved()
    {
        var school = await TestSchool.CreateAsync(Factory);
        await ImportRegisterAsync(school);
        // A 1600-px photo (as a messaging app sends it): the redaction and its re-check stay quick on a loaded machine.
        var scene = _renderer.Render(SceneKind.CoachSign, 100, heldOut: false);
        var id = await DraftApi.SubmitAsync(school.Uploader, PhotoDraft("coach.jpg"), ("coach.jpg", scene.Jpeg));
        var held = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Contains(PhotoFindings(held), f => (string?)f["rule"] == "R10");
        await WaitUntilQueuedAsync(school, id);

        var (status, body) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve-redacted", new { reason = "Number covered" });
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal("Approved", (string?)body!["reviewState"]);
        Assert.Empty(PhotoFindings(body));
        var recheck = await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
        var digits = string.Concat(scene.Words.Where(w => w.Role == WordRole.Phone).Select(w => w.Text));
        Assert.DoesNotContain(recheck!["images"]![0]!["textLines"]!.AsArray(), l => new string([.. ((string?)l!["text"])!.Where(char.IsDigit)]).Contains(digits, StringComparison.Ordinal));
    }

    private static async Task WaitUntilQueuedAsync(TestSchool school, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var queue = await school.Approver.GetFromJsonAsync<JsonNode>("/api/v1/review-queue");
            if (queue!["items"]!.AsArray().Any(i => (string?)i!["draftId"] == id.ToString()))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"draft {id} never reached the review queue");
    }

    public void Dispose()
    {
        _renderer.Dispose();
        GC.SuppressFinalize(this);
    }
}
