using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The ninth set of real posts (real-posts-round9.jsonl, 192 posts from 192 sites in no earlier set), labelled before any
/// check ran on it, to measure round 10 blind (Corpus/README.md records each measurement). Only its table and the count of
/// labelled posts approved are printed, so its per-post errors stay unseen. The figures reached are held as floors.
/// </summary>
public sealed class NinthRealSetTests(ITestOutputHelper output) : RealSetFiguresTests(output, RealPost.NinthSet, "ninth", blind: true,
    // Round 9's checks (119bfae), blind, before round 10.
    new RealSetFloors(new Dictionary<string, (double, double)> { ["R6"] = (0.80, 0.93), ["R8"] = (0.75, 0.73), ["R9"] = (0.88, 0.91) }, Overall: (0.82, 0.87), Approved: (7, 3)));
