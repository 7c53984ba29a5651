namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The fifth set (real-posts-round5.jsonl): labelled blind to measure round 5.</summary>
public sealed class FifthRealSetStructureTests()
    : RealSetStructureTests(RealPost.FifthSet, "round5", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet);
