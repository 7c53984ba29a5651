using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The seventh set of real posts (real-posts-round7.jsonl, 150 posts from 150 sites in no earlier set), labelled before any
/// check ran on it: it measures round 7's checks and then round 8's, once each, blind (Corpus/README.md records each
/// measurement). Only its table and the count of labelled posts approved are printed; the figures reached are held as floors.
/// </summary>
public sealed class SeventhRealSetTests(ITestOutputHelper output) : RealSetFiguresTests(output, RealPost.SeventhSet, "seventh", blind: true,
    new RealSetFloors(new Dictionary<string, (double, double)> { ["R6"] = (0, 0), ["R8"] = (0, 0), ["R9"] = (0, 0) }, Overall: (0, 0), Approved: (150, 150)));
