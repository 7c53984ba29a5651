namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The eighth set (real-posts-round8.jsonl): labelled blind to measure round 8.</summary>
public sealed class EighthRealSetStructureTests()
    : RealSetStructureTests(RealPost.EighthSet, "round8", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet, RealPost.SeventhSet);
