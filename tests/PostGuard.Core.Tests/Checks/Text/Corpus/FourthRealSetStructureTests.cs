namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The fourth set (real-posts-round4.jsonl): labelled blind to measure round 4, development data from round 5.</summary>
public sealed class FourthRealSetStructureTests()
    : RealSetStructureTests(RealPost.FourthSet, "round4", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet);
