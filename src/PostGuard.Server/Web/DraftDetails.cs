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

/// <param name="Index">The face's index in the analysis (0-based; the pages label it <see cref="Number"/>).</param>
/// <param name="PersonId">The person bound to the face, if any.</param>
public sealed record FaceView(int Index, FaceBox Box, FaceState State, string Label, Guid? PersonId)
{
    public int Number => Index + 1;
}

/// <param name="Tagged">Everyone tagged on the photo.</param>
/// <param name="Unplaced">Tagged people bound to no face of this analysis (by id alone, or their face was not found).</param>
/// <param name="NotVisible">Tagged people marked as in the photo with the face not visible.</param>
public sealed record ImageView(StoredImage Image, ImageReport? Report, IReadOnlyList<FaceView> Faces, IReadOnlyList<Person> Tagged, IReadOnlyList<Person> Unplaced, IReadOnlyList<Person> NotVisible)
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
public sealed class DraftDetailsLoader(DraftStore drafts, PeopleStore people, AuditTrail audit)
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
        var images = revision.Images.Select(image => Describe(image, decision, findings, register)).ToList();
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

    /// <summary>
    /// Each face as the stored decision judged it (its findings name the faces they are about), with the
    /// person the face is bound to: the page explains the decision that was made, not a new one.
    /// </summary>
    private static ImageView Describe(StoredImage image, StoredDecision? decision, IReadOnlyList<FindingView> findings, PeopleRegister register)
    {
        var tagged = image.Tags.Select(t => register.Find(t.PersonId)).OfType<Person>().ToList();
        var report = decision?.Images.FirstOrDefault(r => r.Index == image.Position);
        if (report is null)
        {
            return new ImageView(image, null, [], tagged, [], [.. PeopleOf(image.Tags.Where(t => t.Placement == TagPlacement.NotVisible), register)]);
        }
        var resolved = FaceBindings.Resolve(report.Faces, image.Tags);
        var mine = findings.Where(f => f.ImagePosition == image.Position).Select(f => f.Finding).ToList();
        var withoutConsent = mine.Where(f => f.Rule is "R1" or "R5")
            .Select(f => f.Evidence?["face"] is JsonValue v && v.TryGetValue<int>(out var index) ? index : -1).ToHashSet();
        var revokedPeople = (decision?.Findings ?? []).Where(f => f.Rule == "R4")
            .Select(f => f.Evidence?["person"]?["id"]?.GetValue<string>()).OfType<string>().Select(Guid.Parse).ToHashSet();
        var unaccounted = FacesNamedBy(mine.Where(f => f.Rule == "R2" && f.Evidence?["person"] is null));
        var strict = mine.Any(f => f.Rule == "R7");
        var faces = new List<FaceView>();
        for (var i = 0; i < report.Faces.Count; i++)
        {
            var face = report.Faces[i];
            var person = resolved.TagOn(i) is { } tag ? register.Find(tag.PersonId) : null;
            var (state, label) = (face, person) switch
            {
                _ when strict && (face.Identifiable || person is not null) => (FaceState.NoConsent, "no photos of people (policy)"),
                (_, { } p) when withoutConsent.Contains(i) || revokedPeople.Contains(p.Id) => (FaceState.NoConsent, $"{p.DisplayName}: no consent"),
                (_, { } p) => (FaceState.Consented, $"{p.DisplayName}: consented"),
                ({ Identifiable: false }, _) => (FaceState.TooSmall, "too small to identify"),
                _ when unaccounted.Contains(i) => (FaceState.NotAccountedFor, "not accounted for"),
                _ => (FaceState.NotAccountedFor, "not bound to anyone"),
            };
            faces.Add(new FaceView(i, face.Box, state, label, person?.Id));
        }
        var words = findings.Where(f => f.ImagePosition == image.Position && (string?)f.Finding.Evidence?["source"] == "photo-text" && f.Finding.Evidence?["box"] is JsonObject)
            .Select(f => (f, box: f.Finding.Evidence!["box"]!))
            .Select(p => new WordsView(p.f.Number, new RegionBox(p.box["x"]!.GetValue<int>(), p.box["y"]!.GetValue<int>(), p.box["width"]!.GetValue<int>(), p.box["height"]!.GetValue<int>()), p.f.Finding.Evidence!["words"]?.GetValue<string>() ?? "", p.f.SeverityClass))
            .ToList();
        return new ImageView(image, report, faces, tagged, [.. PeopleOf(resolved.Unmatched, register)], [.. PeopleOf(resolved.NotVisible, register)]) { Words = words };
    }

    private static IEnumerable<Person> PeopleOf(IEnumerable<PhotoTag> tags, PeopleRegister register) =>
        tags.Select(t => register.Find(t.PersonId)).OfType<Person>();

    /// <summary>The face indices a set of findings point at (evidence.faces[].index).</summary>
    private static HashSet<int> FacesNamedBy(IEnumerable<Finding> findings) =>
        [.. findings.SelectMany(f => f.Evidence?["faces"]?.AsArray() ?? [])
            .Select(face => face?["index"] is JsonValue v && v.TryGetValue<int>(out var index) ? index : -1)
            .Where(index => index >= 0)];
}
