using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// The words in the photos go through the same text checks as the post's text (R6 names and the register, R7, R8 trip
/// timing, R9 places, R10 phone numbers and e-mails, R11 links, R15 language, R16): a certificate naming a pupil, a badge,
/// a sign with a phone number. Each finding keeps the text check's rule and severity and names the photo, the words read
/// and their box; a check that fails on a photo's words fails this check, which holds the draft (fail closed).
/// </summary>
public sealed class PhotoTextCheck(TextCheckSet textChecks) : IDraftCheck
{
    public string Name => "photo-text";

    public async ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var findings = new List<Finding>();
        foreach (var image in draft.Images)
        {
            if (image.Report is not { Readable: true, TextLines.Count: > 0 } report)
            {
                continue;
            }
            var photo = new PhotoText(report.TextLines);
            var asDraft = draft with { Text = photo.Text };
            foreach (var check in textChecks.Checks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var finding in await check.RunAsync(asDraft, cancellationToken))
                {
                    findings.Add(InPhoto(finding, image, photo));
                }
            }
        }
        return findings;
    }

    /// <summary>The text check's finding, said of the photo: which photo, which words, where; the post's text span replaced by the words' box.</summary>
    private static Finding InPhoto(Finding finding, ImageUnderCheck image, PhotoText photo)
    {
        var evidence = new JsonObject { ["image"] = image.Index, ["file"] = image.FileName, ["source"] = "photo-text" };
        var located = finding.Evidence?["span"] is JsonObject span && span["start"]?.GetValue<int>() is { } start && span["length"]?.GetValue<int>() is { } length
            ? photo.At(start, length)
            : null;
        var box = located?.Box ?? RegionBox.Around(photo.Lines.Select(l => l.Box));
        var words = located?.Words ?? photo.Text;
        evidence["words"] = words;
        evidence["lines"] = new JsonArray([.. (located?.Lines ?? [.. Enumerable.Range(0, photo.Lines.Count)]).Select(l => (JsonNode?)photo.Lines[l].Text)]);
        evidence["box"] = new JsonObject { ["x"] = box.X, ["y"] = box.Y, ["width"] = box.Width, ["height"] = box.Height };
        foreach (var (key, value) in finding.Evidence ?? [])
        {
            if (key != "span" && !evidence.ContainsKey(key))
            {
                evidence[key] = value?.DeepClone();
            }
        }
        return finding with
        {
            Reason = $"{image.Label} ({image.FileName}) shows the words \"{words}\": {finding.Reason}",
            Evidence = evidence,
            Fix = "Crop or retake the photo so the words cannot be read, or approve a redacted version, which covers them.",
        };
    }
}
