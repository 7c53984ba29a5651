using System.Text.Json.Nodes;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision.Assets;

namespace PostGuard.Server.Tests.Cli;

/// <summary>check on a photo with words: the certificate's name is R6 with its box in --json, and --redact-out covers it.</summary>
public sealed class CheckVerbPhotoWordsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("postguard-check-words-").FullName;

    [Fact]
    public async Task A_certificate_naming_a_registered_pupil_exits_2_with_the_words_and_their_box()
    {
        var assets = AssetDirectory.Locate();
        using var renderer = new SceneRenderer(assets, Path.Combine(Directory.GetParent(assets.Root)!.FullName, "tests", "PostGuard.Vision.Tests", "Labels"));
        var scene = renderer.Render(SceneKind.Certificate, 100, heldOut: false); // 1600 px, as a messaging app sends it
        var photo = Path.Combine(_dir, "award.jpg");
        await File.WriteAllBytesAsync(photo, scene.Jpeg);
        var register = Path.Combine(_dir, "register.csv");
        await File.WriteAllTextAsync(register, SceneWords.RegisterCsv());
        var redacted = Path.Combine(_dir, "out");

        var result = await ServerProcess.RunAsync(_dir, "check", "--register", register, "--image", photo, "--channel", "instagram", "--redact-out", redacted, "--json");
        Assert.True(result.ExitCode == 2, result.StdErr + result.StdOut);
        var json = JsonNode.Parse(result.StdOut)!;
        var finding = json["findings"]!.AsArray().Single(f => (string?)f!["rule"] == "R6" && (string?)f["evidence"]!["source"] == "photo-text")!;
        Assert.Equal(string.Join(' ', scene.NameWords.Select(w => w.Text)), (string?)finding["evidence"]!["words"]);
        Assert.InRange((int)finding["evidence"]!["box"]!["x"]!, scene.NameWords.First().Box.X - 60, scene.NameWords.First().Box.X + 60);
        Assert.Contains(json["images"]![0]!["textLines"]!.AsArray(), l => ((string?)l!["text"])!.Contains(scene.NameWords.First().Text, StringComparison.Ordinal));
        Assert.Contains("line(s) of words covered", result.StdErr);
        Assert.True(File.Exists(Path.Combine(redacted, "award.redacted.jpg")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
