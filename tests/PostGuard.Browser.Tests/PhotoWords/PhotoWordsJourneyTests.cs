using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PostGuard.Browser.Tests.Infrastructure;
using PostGuard.Core.Schools;
using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.TextRecognition;
using static Microsoft.Playwright.Assertions;

namespace PostGuard.Browser.Tests.PhotoWords;

/// <summary>
/// Words inside a photo on the headteacher's pages, in Debian's chromium against the real server: a rendered certificate
/// naming a pupil of the register is blocked (R6) with the words' box drawn on the photo, and the redacted preview
/// covers the words (read again by the real models, the name is gone there).
/// </summary>
public sealed class PhotoWordsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Analysis = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_certificate_naming_a_pupil_shows_R6_with_its_box_and_the_redacted_preview_covers_the_words()
    {
        var assets = AssetDirectory.Locate();
        using var renderer = new SceneRenderer(assets, Path.Combine(Directory.GetParent(assets.Root)!.FullName, "tests", "PostGuard.Vision.Tests", "Labels"));
        // A 1600-px photo (as a messaging app sends it): the preview's redaction stays within its time bound on a loaded machine.
        var scene = renderer.Render(SceneKind.Certificate, 100, heldOut: false);
        Assert.Equal(1600, scene.Width);
        var name = string.Join(' ', scene.NameWords.Select(w => w.Text));
        var school = await fixture.CreateSchoolAsync();
        await school.ImportPeopleAsync(SceneWords.RegisterCsv());
        var draftId = await SubmitPhotoDraftAsync(school, "Star of the Week in Year 4!", "award.jpg", scene.Jpeg);

        // The headteacher's review page: blocked, the R6 finding names the pupil, and its box is drawn where the name is.
        var head = await fixture.NewPageAsync(1280, 900);
        await school.SignInAsync(head, Roles.Approver);
        await head.GotoAsync($"/drafts/{draftId}/review");
        await Expect(head.Locator("#decision .decision-word")).ToHaveTextAsync("Block", Analysis);
        var finding = head.Locator(".finding").Filter(new() { HasText = "(R6)" }).Filter(new() { HasText = name });
        await Expect(finding).ToHaveCountAsync(1);
        var number = (await finding.GetAttributeAsync("id"))!["finding-".Length..];
        var words = head.Locator("svg.overlay g.words");
        await Expect(words).ToHaveCountAsync(1);
        await Expect(words.Locator("title")).ToHaveTextAsync($"Finding {number}: \"{name}\"");
        await Expect(words.Locator("text")).ToHaveTextAsync(number);
        await Expect(head.Locator("svg.overlay")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("1 flagged word\\(s\\)$"));
        var rect = words.Locator("rect");
        var box = new TextBox(await NumberAsync(rect, "x"), await NumberAsync(rect, "y"), await NumberAsync(rect, "width"), await NumberAsync(rect, "height"));
        foreach (var drawn in scene.NameWords)
        {
            Assert.True(box.Intersect(drawn.Box).Area >= 0.8 * drawn.Box.Area, $"the drawn box {box} does not cover \"{drawn.Text}\" at {drawn.Box}");
        }
        Assert.True(box.Area <= 4 * scene.NameWords.Sum(w => w.Box.Area), $"the drawn box {box} is far larger than the name");
        // The box is on the photo as the browser shows it: inside the photo, over the name.
        var photo = await head.Locator(".photo-frame img").First.BoundingBoxAsync();
        var shown = await rect.BoundingBoxAsync();
        Assert.NotNull(photo);
        Assert.NotNull(shown);
        var toScreen = photo.Width / scene.Width;
        Assert.InRange(shown.X, photo.X + (box.X * toScreen) - 3, photo.X + (box.X * toScreen) + 3);
        Assert.InRange(shown.Y, photo.Y + (box.Y * toScreen) - 3, photo.Y + (box.Y * toScreen) + 3);
        await BrowserFixture.ScreenshotAsync(head, "20-headteacher-certificate-words-blocked");

        // The redacted preview covers the words: read again by the real models, the name is not there, and the pixels
        // under the name's box changed.
        await head.GotoAsync($"/drafts/{draftId}/redact");
        var preview = head.Locator("img#preview-0");
        await Expect(preview).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("redacted-preview"));
        var response = await head.APIRequest.GetAsync((await preview.GetAttributeAsync("src"))!, new() { Timeout = 90_000 });
        Assert.True(response.Status == 200, $"{response.Status}: {await response.TextAsync()}");
        // The preview loads lazily: scrolled into view, the photo is redacted (faces and words) while the page waits.
        await preview.ScrollIntoViewIfNeededAsync();
        await head.WaitForFunctionAsync("() => { const i = document.querySelector('img#preview-0'); return i && i.complete && i.naturalWidth > 0; }", null, new() { Timeout = 90_000 });
        await BrowserFixture.ScreenshotAsync(head, "21-headteacher-certificate-redacted-preview");
        var redacted = await response.BodyAsync();
        using var inspector = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        var before = inspector.Inspect(scene.Jpeg);
        var after = inspector.Inspect(redacted);
        Assert.Equal((scene.Width, scene.Height), (after.Width, after.Height));
        foreach (var drawn in scene.NameWords)
        {
            Assert.Contains(before.TextLines.SelectMany(l => l.Words), w => Same(w.Text, drawn.Text));
            Assert.DoesNotContain(after.TextLines.SelectMany(l => l.Words), w => Same(w.Text, drawn.Text));
        }
        Assert.True(MeanDifference(scene.Jpeg, redacted, scene.NameWords.First().Box) > 20, "the pixels under the name did not change");
    }

    private static bool Same(string read, string drawn) =>
        string.Equals(read.Trim('.', ',', ':', '!'), drawn, StringComparison.OrdinalIgnoreCase);

    private static async Task<double> NumberAsync(ILocator element, string attribute) =>
        double.Parse((await element.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);

    /// <summary>The mean absolute difference (0–255, over R, G and B) of two images of the same size inside a box.</summary>
    private static double MeanDifference(byte[] a, byte[] b, TextBox box)
    {
        using var first = SkiaSharp.SKBitmap.Decode(a);
        using var second = SkiaSharp.SKBitmap.Decode(b);
        double sum = 0;
        var n = 0;
        for (var y = (int)box.Y; y < (int)box.Bottom; y++)
        {
            for (var x = (int)box.X; x < (int)box.Right; x++)
            {
                var (p, q) = (first.GetPixel(x, y), second.GetPixel(x, y));
                sum += (Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue)) / 3.0;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static async Task<Guid> SubmitPhotoDraftAsync(BrowserSchool school, string text, string file, byte[] jpeg)
    {
        var photo = new ByteArrayContent(jpeg);
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { text, channels = new[] { "instagram" }, publishAt = "2026-12-21T16:00:00Z", commentsEnabled = false, images = new[] { new { file, tags = Array.Empty<string>() } } })), "draft" },
            { photo, file, file },
        };
        using var response = await school.Api(Roles.Uploader).PostAsync("/api/v1/drafts", content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!);
    }
}
