using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The seventh set of real posts (real-posts-round7.jsonl, 150 posts from 150 sites in no earlier set), labelled before any
/// check ran on it: it measured round 7's checks and then round 8's, once each, blind (Corpus/README.md records each
/// measurement). From round 9 on it is development data: its per-post errors and the labelled posts it approves are printed
/// and the checks are tuned on them; the eighth set measures a further round. The figures reached are held as floors.
/// </summary>
public sealed class SeventhRealSetTests(ITestOutputHelper output) : RealSetFiguresTests(output, RealPost.SeventhSet, "seventh", blind: false,
    // Round 9 (tuned on it); blind, rounds 7 and 8 both measured R6 0.81/0.88, R8 0.90/0.88, R9 0.91/0.88, all 0.87/0.86, 4 and 3 approved.
    // R9 since the learned places model (round 14): a few more places caught for a few more false alarms on this set, which it was trained on.
    new RealSetFloors(new Dictionary<string, (double, double)> { ["R6"] = (0.81, 0.90), ["R8"] = (0.90, 0.90), ["R9"] = (0.90, 0.94) }, Overall: (0.88, 0.88), Approved: (2, 2)));
