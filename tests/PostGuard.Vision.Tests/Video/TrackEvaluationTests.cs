using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

[Collection(VisionCollection.Name)]
public sealed class TrackEvaluationTests(VisionFixture vision)
{
    [Fact]
    public async Task Track_evaluation_meets_the_recall_target_and_never_joins_two_people()
    {
        var scripts = TrackEvaluation.LabelledScripts(vision.Assets, VisionFixture.LabelsDirectory).Concat(TrackEvaluation.PeopleLessScripts(vision.Assets));
        var inspector = new ClipInspector(vision.Inspector, TestClips.Options());

        var report = await TrackEvaluation.RunAsync(inspector, scripts, TestClips.Directory, TrackEvaluation.DefaultRule);

        Console.WriteLine(report);
        Assert.True(report.IdentifiableTruth >= 50, "the evaluation lost its labelled faces");
        Assert.True(report.PeopleLessClips >= 10, "the evaluation lost its clips without people");
        Assert.True(report.IdentifiableRecall >= 0.88, report.ToString());
        Assert.Equal(0, report.MergedTracks);
        Assert.True(report.FragmentsPerFoundTrack <= 1.1, report.ToString());
        Assert.True(report.FalseIdentifiableTracksOnPeopleLessClips <= 8, report.ToString());
    }
}
