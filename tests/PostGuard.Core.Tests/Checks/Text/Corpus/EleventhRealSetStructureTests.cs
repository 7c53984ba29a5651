namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The eleventh set (real-posts-round11.jsonl): labelled blind to measure round 12.</summary>
public sealed class EleventhRealSetStructureTests()
    : RealSetStructureTests(RealPost.EleventhSet, "round11", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet, RealPost.SeventhSet, RealPost.EighthSet, RealPost.NinthSet, RealPost.TenthSet);
