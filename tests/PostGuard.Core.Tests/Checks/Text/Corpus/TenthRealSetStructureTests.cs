namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>The tenth set (real-posts-round10.jsonl): labelled blind to measure round 11.</summary>
public sealed class TenthRealSetStructureTests()
    : RealSetStructureTests(RealPost.TenthSet, "round10", RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet, RealPost.SeventhSet, RealPost.EighthSet, RealPost.NinthSet);
