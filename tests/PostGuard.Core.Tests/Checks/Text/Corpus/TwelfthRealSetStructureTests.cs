namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The twelfth set (real-posts-round12.jsonl): labelled blind to measure round 13.</summary>
public sealed class TwelfthRealSetStructureTests()
    : RealSetStructureTests(RealPost.TwelfthSet, "round12", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet, RealPost.SeventhSet, RealPost.EighthSet, RealPost.NinthSet, RealPost.TenthSet, RealPost.EleventhSet);
