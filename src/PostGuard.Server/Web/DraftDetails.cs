using System.Text.Json.Nodes;
using PostGuard.Core.Audit;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Web;

/// <summary>How a face is drawn over a photo.</summary>
public enum FaceState
{
    Consented,
    NotAccountedFor,
    NoConsent,
    TooSmall,
}

public sealed record FaceView(int Index, FaceBox Box, FaceState State, string Label, Guid? PersonId);

public sealed record ImageView(StoredImage Image, ImageReport? Report, IReadOnlyList<FaceView> Faces, IReadOnlyList<Person> Tagged)
{
    /// <summary>Words read in the photo that gave findings, each with the number of its finding, drawn over the photo.</summary>
    public IReadOnlyList<WordsView> Words { get; init; } = [];
}

/// <summary>Words in a photo that a finding is about: their box, the words read, and the finding's number and severity.</summary>
public sealed record WordsView(int FindingNumber, RegionBox Box, string Words, string SeverityClass);

public sealed record FindingView(int Number, Finding Finding, string Title, int? ImagePosition)
{
    public string SeverityClass => Finding.Severity.ToString().ToLowerInvariant();
}

/// <summary>A piece of the draft text; highlighted pieces point at the finding that flagged them.</summary>
public sealed record TextPiece(string Text, FindingView? Finding);

public sealed record RevisionView(DraftRevision Revision, StoredDecision? Decision);

/// <summary>Everything the draft pages show: the current revision with its decision explained, and the history.</summary>
public sealed record DraftDetails(
    DraftRecord Draft,
    DraftRevision Revision,
    StoredDecision? Decision,
    IReadOnlyList<FindingView> Findings,
    IReadOnlyList<TextPiece> Text,
    IReadOnlyList<ImageView> Images,
    IReadOnlyList<RevisionView> History,
    IReadOnlyList<AuditEvent> Actions,
    PeopleRegister People)
{
    public bool IsDecided => Draft.Status == DraftStatus.Decided;

    /// <summary>The latest "publish after" any finding suggests (trip timing), else the time the uploader chose.</summary>
    public DateTimeOffset? SuggestedEarliestPublishAt =>
        Findings.Select(f => f.Finding.Evidence?["earliestPublishAt"]?.ToString())
            .Select(v => DateTimeOffset.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : (DateTimeOffset?)null)
            .Append(Revision.PublishAt)
            .Max();
}

/// <summary>Loads a draft of the signed-in user's school for the pages (null: no such draft in this school, a 404).</summary>
public sealed class DraftDetailsLoader(DraftStore drafts, PeopleStore people, FaceTagStore faceTags, AuditTrail audit)
{
    /// <summary>Everything the draft page shows, earlier revisions and the draft's audit trail included.</summary>
    public async Task<DraftDetails?> LoadAsync(string schoolId, Guid draftId, CancellationToken cancellationToken) =>
        await LoadAsync(schoolId, draftId, await people.LoadRegisterAsync(schoolId, cancellationToken), withHistory: true, cancellationToken);

    /// <summary>
    /// The current revision of several drafts (the review queue): the school's register is read once
    /// for all of them, and their history and audit trail, which the queue does not show, not at all.
    /// </summary>
    public async Task<IReadOnlyList<DraftDetails>> LoadCurrentAsync(string schoolId, IEnumerable<Guid> draftIds, CancellationToken cancellationToken)
    {
        var register = await people.LoadRegisterAsync(schoolId, cancellationToken);
        var loaded = new List<DraftDetails>();
        foreach (var draftId in draftIds)
        {
            if (await LoadAsync(schoolId, draftId, register, withHistory: false, cancellationToken) is { } details)
            {
                loaded.Add(details);
            }
        }
        return loaded;
    }

    private async Task<DraftDetails?> LoadAsync(string schoolId, Guid draftId, PeopleRegister register, bool withHistory, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(schoolId, draftId, cancellationToken);
        if (draft is null)
        {
            return null;
        }
        var revision = await drafts.FindRevisionAsync(draftId, draft.Revision, cancellationToken);
        if (revision is null)
        {
            return null;
        }
        var decision = draft.Status == DraftStatus.Decided ? await drafts.FindDecisionAsync(draftId, draft.Revision, cancellationToken) : null;
        var findings = (decision?.Findings ?? [])
            .OrderByDescending(f => f.Severity)
            .Select((f, i) => new FindingView(i + 1, f, RuleTitles.For(f.Rule), f.Evidence?["image"] is JsonValue v && v.TryGetValue<int>(out var position) ? position : null))
            .ToList();
        var tags = await faceTags.ReadAsync(draftId, draft.Revision, cancellationToken);
        var images = revision.Images.Select(image => Describe(image, decision, findings, tags, register)).ToList();
        var history = new List<RevisionView>();
        for (var r = draft.Revision - 1; withHistory && r >= 1; r--)
        {
            if (await drafts.FindRevisionAsync(draftId, r, cancellationToken) is { } earlier)
            {
                history.Add(new RevisionView(earlier, await drafts.FindDecisionAsync(draftId, r, cancellationToken)));
            }
        }
        var actions = withHistory ? await audit.ReadAsync(schoolId, draftId, 500, cancellationToken) : [];
        return new DraftDetails(draft, revision, decision, findings, Highlight(revision.Text, findings), images, history, actions, register);
    }

    /// <summary>Splits the text at the spans findings point at (evidence.span); overlapping spans keep the first, most severe one.</summary>
    public static IReadOnlyList<TextPiece> Highlight(string text, IReadOnlyList<FindingView> findings)
    {
        var spans = new List<(int Start, int Length, FindingView Finding)>();
        foreach (var finding in findings)
        {
            var evidence = finding.Finding.Evidence;
            var candidates = new List<JsonNode?> { evidence?["span"] };
            if (evidence?["spans"] is JsonArray more)
            {
                candidates.AddRange(more);
            }
            foreach (var span in candidates.OfType<JsonObject>())
            {
                if (span["start"] is JsonValue s && s.TryGetValue<int>(out var start)
                    && span["length"] is JsonValue l && l.TryGetValue<int>(out var length)
                    && start >= 0 && length > 0 && start + length <= text.Length)
                {
                    spans.Add((start, length, finding));
                }
            }
        }
        var pieces = new List<TextPiece>();
        var at = 0;
        foreach (var (start, length, finding) in spans.OrderBy(s => s.Start).ThenBy(s => s.Finding.Number))
        {
            if (start < at)
            {
                continue;
            }
            if (start > at)
            {
                pieces.Add(new TextPiece(text[at..start], null));
            }
            pieces.Add(new TextPiece(text.Substring(start, length), finding));
            at = start + length;
        }
        if (at < text.Length)
        {
            pieces.Add(new TextPiece(text[at..], null));
        }
        return pieces;
    }

    private static ImageView Describe(StoredImage image, StoredDecision? decision, IReadOnlyList<FindingView> findings, IReadOnlyList<FaceTag> faceTags, PeopleRegister register)
    {
        var report = decision?.Images.FirstOrDefault(r => r.Index == image.Position);
        var tagged = image.Tags.Select(register.Find).OfType<Person>().ToList();
        if (report is null)
        {
            return new ImageView(image, null, [], tagged);
        }
        var mine = findings.Where(f => f.ImagePosition == image.Position).Select(f => f.Finding).ToList();
        var withoutConsent = mine.Where(f => f.Rule is "R1" or "R5")
            .Select(f => f.Evidence?["person"]?["id"]?.GetValue<string>()).OfType<string>().Select(Guid.Parse)
            .Concat((decision?.Findings ?? []).Where(f => f.Rule == "R4").Select(f => f.Evidence?["person"]?["id"]?.GetValue<string>()).OfType<string>().Select(Guid.Parse))
            .ToHashSet();
        var strict = mine.Any(f => f.Rule == "R7");
        var unaccounted = mine.Any(f => f.Rule == "R2");
        var faces = new List<FaceView>();
        for (var i = 0; i < report.Faces.Count; i++)
        {
            var face = report.Faces[i];
            var tag = faceTags.FirstOrDefault(t => t.Position == image.Position && Overlaps(t.Box, face.Box));
            var person = tag is null ? null : register.Find(tag.PersonId);
            var (state, label) = (face, person) switch
            {
                ({ Identifiable: false }, _) => (FaceState.TooSmall, "too small to identify"),
                _ when strict => (FaceState.NoConsent, "no photos of people (policy)"),
                (_, { } p) when withoutConsent.Contains(p.Id) => (FaceState.NoConsent, $"{p.DisplayName}: no consent"),
                (_, { } p) => (FaceState.Consented, $"{p.DisplayName}: consented"),
                _ when unaccounted => (FaceState.NotAccountedFor, "not accounted for"),
                _ => (FaceState.Consented, "accounted for by a tag"),
            };
            faces.Add(new FaceView(i + 1, face.Box, state, label, person?.Id));
        }
        var words = findings.Where(f => f.ImagePosition == image.Position && (string?)f.Finding.Evidence?["source"] == "photo-text" && f.Finding.Evidence?["box"] is JsonObject)
            .Select(f => (f, box: f.Finding.Evidence!["box"]!))
            .Select(p => new WordsView(p.f.Number, new RegionBox(p.box["x"]!.GetValue<int>(), p.box["y"]!.GetValue<int>(), p.box["width"]!.GetValue<int>(), p.box["height"]!.GetValue<int>()), p.f.Finding.Evidence!["words"]?.GetValue<string>() ?? "", p.f.SeverityClass))
            .ToList();
        return new ImageView(image, report, faces, tagged) { Words = words };
    }

    /// <summary>The same face in a later analysis of the same photo: the centres fall inside each other's box.</summary>
    public static bool Overlaps(FaceBox a, FaceBox b)
    {
        var (ax, ay) = (a.X + (a.Width / 2), a.Y + (a.Height / 2));
        var (bx, by) = (b.X + (b.Width / 2), b.Y + (b.Height / 2));
        return ax >= b.X && ax <= b.X + b.Width && ay >= b.Y && ay <= b.Y + b.Height
            && bx >= a.X && bx <= a.X + a.Width && by >= a.Y && by <= a.Y + a.Height;
    }
}
