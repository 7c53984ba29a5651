using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Channels;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.People;
using PostGuard.Core.Policy;

namespace PostGuard.Benchmarks.Analysis;

/// <summary>
/// A 2,000-character post without photos through <see cref="DraftAnalyzer"/>, the check runner the worker uses
/// (each check under its own deadline, and a span per check): what the runner adds to the text checks, with
/// nobody listening to the product's traces (the default: no exporter configured) and with a listener
/// recording every span (an exporter configured). Run:
/// dotnet run -c Release --project tests/PostGuard.Benchmarks -- --filter *DraftAnalyzer* --job short
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DraftAnalyzerBenchmark : IDisposable
{
    private const string Paragraph =
        "A huge thank you to Oliver Bennett and Sophie in Year 3 who led our harvest assembly on Tuesday. " +
        "Year 4 visit the Roman museum in St Albans on Thursday 14th May and return by 3:15, so collect as usual. " +
        "Football club moves to Wednesday after half term; see https://tinyurl.com/abc123 for the new rota. " +
        "Mr Ahmed's class raised £180 for the food bank. Questions to the office on 01632 960321, please. " +
        "Our Year 5 trip to the coast runs from Monday 8th June to Friday 12th June, weather permitting. ";

    private DraftAnalyzer _analyzer = null!;
    private DraftUnderCheck _draft = null!;
    private ActivityListener? _listener;

    /// <summary>False: nothing listens to the "PostGuard" ActivitySource. True: every span is created and recorded.</summary>
    [Params(false, true)]
    public bool Traced { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddTextChecks(assetsRoot: null).BuildServiceProvider();
        var lexicons = services.GetRequiredService<TextLexicons>();
        _ = (lexicons.FirstNames, lexicons.Gazetteer);
        IDraftCheck[] checks = [new OfficialChannelsCheck(), new CommentsCheck(), .. services.GetServices<IDraftCheck>()];
        _analyzer = new DraftAnalyzer(checks, new UnavailableImageInspector("the benchmark has no photos"), Options.Create(new CheckOptions()), TimeProvider.System, NullLogger<DraftAnalyzer>.Instance);
        var people = new PeopleRegister([.. Enumerable.Range(0, 300).Select(i => new Person(Guid.NewGuid(), i % 10 == 0 ? PersonKind.Staff : PersonKind.Pupil, $"First{i}", $"Last{i}"))
            .Append(new Person(Guid.NewGuid(), PersonKind.Pupil, "Oliver", "Bennett"))
            .Append(new Person(Guid.NewGuid(), PersonKind.Pupil, "Sophie", "Clarke"))]);
        _draft = new DraftUnderCheck
        {
            Text = string.Concat(Enumerable.Repeat(Paragraph, 5))[..2000],
            Channels = [Channels.Facebook],
            PublishAt = new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero),
            AnalysedAt = new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero),
            Policy = PolicyPresets.CreateConsentBased(),
            People = people,
        };
        if (Traced)
        {
            StartListening();
        }
    }

    /// <summary>Records every span of the "PostGuard" ActivitySource, as the OpenTelemetry SDK does when an exporter is configured.</summary>
    public void StartListening()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PostGuard",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void StopListening()
    {
        _listener?.Dispose();
        _listener = null;
    }

    [Benchmark]
    public async Task<int> AnalyseTextOnlyDraft()
    {
        // A fresh copy of the text each time: the checks share one parse per draft text, never across drafts.
        var analysis = await _analyzer.AnalyzeAsync(_draft with { Text = new string(_draft.Text.AsSpan()) }, CancellationToken.None);
        return analysis.Findings.Count;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        StopListening();
        GC.SuppressFinalize(this);
    }
}
