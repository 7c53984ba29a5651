namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The seventh set (real-posts-round7.jsonl): labelled blind to measure round 7.</summary>
public sealed class SeventhRealSetStructureTests()
    : RealSetStructureTests(RealPost.SeventhSet, "round7", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet);
