using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Images;

/// <summary>Fail closed: an image that could not be decoded or inspected holds the draft.</summary>
public sealed class UnreadableImagesCheck : IDraftCheck
{
    public string Name => "image-inspection";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var findings = draft.Images
            .Where(i => i.Report is null || !i.Report.Readable)
            .Select(i => new Finding(Finding.AnalysisIncompleteRule, Severity.Hold,
                $"Analysis incomplete: {i.Label.ToLowerInvariant()} ({i.FileName}) could not be checked: {i.Report?.Error ?? "not inspected"}.",
                new JsonObject { ["image"] = i.Index, ["file"] = i.FileName, ["error"] = i.Report?.Error ?? "not inspected" },
                "Replace the image with a readable JPEG, PNG, WebP or HEIC photo and resubmit."))
            .ToList();
        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }
}
