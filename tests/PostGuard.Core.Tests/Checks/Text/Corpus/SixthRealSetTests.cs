using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The sixth set of real posts (real-posts-round6.jsonl, 160 posts from 160 sites in no earlier set), labelled before
/// any check ran on it: it measures round 5's checks and then round 6's, once each, blind. Only the table and the count
/// of labelled posts approved are printed, never a post or an error, so the checks are not tuned on it (Corpus/README.md
/// records each measurement and when it was taken). The second measurement's figures are held as floors.
/// </summary>
public sealed class SixthRealSetTests(ITestOutputHelper output) : RealSetFiguresTests(output, RealPost.SixthSet, "sixth", blind: true,
    // The second measurement (round 6's checks, Corpus/README.md): new posts must not get worse unnoticed.
    new RealSetFloors(new Dictionary<string, (double, double)> { ["R6"] = (0.69, 0.89), ["R8"] = (0.73, 0.83), ["R9"] = (0.94, 0.93) }, Overall: (0.82, 0.89), Approved: (4, 2)));
