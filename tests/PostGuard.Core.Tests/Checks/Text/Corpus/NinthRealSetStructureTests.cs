namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The ninth set (real-posts-round9.jsonl): labelled blind to measure round 10.</summary>
public sealed class NinthRealSetStructureTests()
    : RealSetStructureTests(RealPost.NinthSet, "round9", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet, RealPost.SeventhSet, RealPost.EighthSet);
