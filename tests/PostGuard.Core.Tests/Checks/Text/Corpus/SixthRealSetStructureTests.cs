namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The sixth set (real-posts-round6.jsonl): labelled blind to measure round 6.</summary>
public sealed class SixthRealSetStructureTests()
    : RealSetStructureTests(RealPost.SixthSet, "round6", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet);
