namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The fourteenth set (real-posts-round14.jsonl): labelled blind to measure round 15.</summary>
public sealed class FourteenthRealSetStructureTests()
    : RealSetStructureTests(RealPost.FourteenthSet, "round14", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet, RealPost.SeventhSet, RealPost.EighthSet, RealPost.NinthSet, RealPost.TenthSet, RealPost.EleventhSet, RealPost.TwelfthSet, RealPost.ThirteenthSet);
