namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The thirteenth set (real-posts-round13.jsonl): labelled blind to measure round 14.</summary>
public sealed class ThirteenthRealSetStructureTests()
    : RealSetStructureTests(RealPost.ThirteenthSet, "round13", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet, RealPost.SeventhSet, RealPost.EighthSet, RealPost.NinthSet, RealPost.TenthSet, RealPost.EleventhSet, RealPost.TwelfthSet);
