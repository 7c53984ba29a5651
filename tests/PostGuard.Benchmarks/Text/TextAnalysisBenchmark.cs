using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Checks.Text.Learned;
using PostGuard.Core.People;
using PostGuard.Core.Policy;

namespace PostGuard.Benchmarks.Text;

/// <summary>
/// Issue 5 target: all text checks over a 2,000-character post in under 2 ms (median), lexicons
/// loaded once in <see cref="Setup"/>. Run: dotnet run -c Release --project tests/PostGuard.Benchmarks -- --filter *TextAnalysis* --job short
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TextAnalysisBenchmark
{
    private const string Paragraph =
        "Well done to Amelia Hughes and Grace in Year 2 for their brilliant poems in assembly this morning! " +
        "Year 5 are heading to Colchester Zoo today and will be back at school by 3:30, so pick-up is as normal. " +
        "May half term starts on Friday 22nd May; Reading Buddies restarts on Tuesday 2nd June in the library. " +
        "Mrs Patel's class raised £240 for the hospice. For tickets call 07700 900123 or see https://bit.ly/3abc. " +
        "Our Year 6 residential to Kingswood is from Monday 22nd June to Wednesday 24th June. ";

    /// <summary>
    /// An everyday post that names no place, so the place rules find nothing and the learned places model runs (the dearer
    /// path of <see cref="LearnedPlacesCheck"/>; where the rules find a place it returns before the model).
    /// </summary>
    private const string PlacelessParagraph =
        "Year 2 have been learning about materials this week and tested which fabrics are waterproof. " +
        "Thank you to the parents who came to the class assembly on Thursday morning; the children sang beautifully. " +
        "Please remember that PE kits are needed every Tuesday and that long hair must be tied back for safety. " +
        "Our reading challenge continues after half term, with certificates for every child who reads ten books. ";

    private IReadOnlyList<IDraftCheck> _checks = [];
    private DraftUnderCheck _draft = null!;
    private DraftUnderCheck _realDraft = null!;
    private DraftUnderCheck _placelessDraft = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The checks exactly as the service registers them, with the lexicons loaded here rather than
        // in the first measured call.
        var services = new ServiceCollection().AddTextChecks(assetsRoot: null).BuildServiceProvider();
        var lexicons = services.GetRequiredService<TextLexicons>();
        _ = (lexicons.FirstNames, lexicons.Gazetteer);
        _checks = [.. services.GetServices<IDraftCheck>()];
        var text = string.Concat(Enumerable.Repeat(Paragraph, 5))[..2000];
        var people = new PeopleRegister([.. Enumerable.Range(0, 300).Select(i => new Person(Guid.NewGuid(), i % 10 == 0 ? PersonKind.Staff : PersonKind.Pupil, $"First{i}", $"Last{i}"))
            .Append(new Person(Guid.NewGuid(), PersonKind.Pupil, "Amelia", "Hughes"))
            .Append(new Person(Guid.NewGuid(), PersonKind.Pupil, "Grace", "Okafor"))]);
        _draft = new DraftUnderCheck
        {
            Text = text,
            Channels = [Channels.Facebook],
            PublishAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
            AnalysedAt = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero),
            Policy = PolicyPresets.CreateConsentBased(),
            People = people,
        };
        // A real residential live blog from the text corpus, repeated to 2,000 characters.
        var real = RealPostText.Longest();
        _realDraft = _draft with { Text = string.Concat(Enumerable.Repeat(real + "\n", 2000 / real.Length + 1))[..2000] };
        _placelessDraft = _draft with { Text = string.Concat(Enumerable.Repeat(PlacelessParagraph, 2000 / PlacelessParagraph.Length + 1))[..2000] };
    }

    /// <summary>The checks as registered, for <see cref="TextCpuTimeCommand"/>'s per-check rows.</summary>
    public IReadOnlyList<IDraftCheck> Checks => _checks;

    /// <summary>One check alone on a fresh copy of one of the posts (the placeless one when <paramref name="placeless"/>).</summary>
    public int RunOne(IDraftCheck check, bool real, bool placeless = false)
    {
        var source = placeless ? _placelessDraft : real ? _realDraft : _draft;
        var draft = source with { Text = new string(source.Text.AsSpan()) };
        return check.RunAsync(draft, CancellationToken.None).GetAwaiter().GetResult().Count;
    }

    [Benchmark]
    public Task<int> AllTextChecksOn2000CharacterPlacelessPost() => AllTextChecksOn(_placelessDraft);

    [Benchmark]
    public Task<int> AllTextChecksOn2000CharacterRealPost() => AllTextChecksOn(_realDraft);

    [Benchmark]
    public Task<int> AllTextChecksOn2000CharacterPost() => AllTextChecksOn(_draft);

    private async Task<int> AllTextChecksOn(DraftUnderCheck source)
    {
        // A fresh copy of the text each time: the checks share one parse per draft text, never across drafts.
        var draft = source with { Text = new string(source.Text.AsSpan()) };
        var count = 0;
        foreach (var check in _checks)
        {
            count += (await check.RunAsync(draft, CancellationToken.None)).Count;
        }
        return count;
    }
}
