using PostGuard.Tests.Shared;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

/// <summary>Real clips through ffmpeg, the real face detector and the tracker.</summary>
[Collection(VisionCollection.Name)]
public sealed class ClipInspectionTests(VisionFixture vision)
{
    private ClipInspector Inspector() => new(vision.Inspector, TestClips.Options());

    [Fact]
    public async Task Frames_are_analysed_at_least_every_half_second_and_at_every_cut()
    {
        var inspection = await Inspector().InspectAsync(await TestClips.PathOf("cuts"));

        var times = inspection.FrameTimes;
        Assert.Equal(0, times[0]);
        Assert.All(times.Zip(times.Skip(1)), p => Assert.InRange(p.Second - p.First, 0.01, 0.5 + 1e-6));
        Assert.True(times[^1] >= inspection.Header.VideoDurationSeconds - 0.5);
        Assert.Equal([2.0, 4.0, 6.0], inspection.Cuts.Select(c => Math.Round(c, 2)));
        Assert.All(inspection.Cuts, cut => Assert.Contains(cut, times));
        Assert.Equal(vision.Inspector.DetectionWorkingWidth, inspection.AnalysedWidth);
    }

    [Fact]
    public async Task Long_runs_of_skipped_b_frames_still_leave_no_gap_longer_than_the_interval()
    {
        // Sixteen non-reference B-frames between references: skipping them while sampling at 15 frames a second leaves 1.1-s holes, so
        // the clip must be decoded again in full rather than analysed more sparsely than every 0.5 s.
        var source = await TestClips.PathOf("cuts");
        var path = Path.Combine(TestClips.Directory, "cuts-long-b-runs.mp4");
        await Ffmpeg.Run("-y", "-i", source, "-an", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-bf", "16",
            "-x264-params", "b-adapt=0:b-pyramid=none:scenecut=0", "-g", "120", "-pix_fmt", "yuv420p", path);

        var inspection = await Inspector().InspectAsync(path);

        var times = inspection.FrameTimes;
        Assert.All(times.Zip(times.Skip(1)), p => Assert.InRange(p.Second - p.First, 0.01, 0.5 + 1e-6));
        Assert.True(times[^1] >= inspection.Header.VideoDurationSeconds - 0.5);
        Assert.Equal([2.0, 4.0, 6.0], inspection.Cuts.Select(c => Math.Round(c, 2)));
        var score = TrackScorer.Score(TestClips.Script("cuts"), inspection, TrackEvaluation.DefaultRule, 1);
        Assert.Equal(score.Truth.Count, score.Found);
        Assert.Equal(0, score.MergedTracks);
    }

    [Fact]
    public async Task Every_labelled_face_of_a_shot_is_one_track_and_none_crosses_a_cut()
    {
        var script = TestClips.Script("cuts");
        var inspection = await Inspector().InspectAsync(await TestClips.PathOf("cuts"));

        var score = TrackScorer.Score(script, inspection, TrackEvaluation.DefaultRule, 1);

        Assert.Equal(score.Truth.Count, score.Found);
        Assert.All(score.Fragments, f => Assert.Equal(1, f));
        Assert.Equal(0, score.MergedTracks);
        Assert.All(inspection.Tracks, t => Assert.DoesNotContain(inspection.Cuts, cut => cut > t.FirstSeconds && cut <= t.LastSeconds));
    }

    [Fact]
    public async Task Faces_entering_and_leaving_a_pan_are_tracked_from_entry_to_exit()
    {
        var script = TestClips.Script("enter-leave");
        var inspection = await Inspector().InspectAsync(await TestClips.PathOf("enter-leave"));

        var score = TrackScorer.Score(script, inspection, TrackEvaluation.DefaultRule, 1);

        Assert.True(score.Truth.Count >= 2, "the pan shows at least two faces whole");
        Assert.Equal(score.Truth.Count(t => t.Identifiable), score.IdentifiableFound);
        Assert.Equal(0, score.MergedTracks);
        // Each whole face is tracked over (nearly) its whole time in view: the track starts no later than one analysed frame after it.
        foreach (var truth in score.Truth)
        {
            var track = inspection.Tracks.OrderByDescending(t => t.Faces.Count(f => f.Seconds >= truth.Frames[0].Seconds && f.Seconds <= truth.Frames[^1].Seconds && f.Box.IntersectionOverUnion(truth.Frames.First(x => Math.Abs(x.Seconds - f.Seconds) < 1e-6 || x == truth.Frames[^1]).Box) > 0)).First();
            Assert.True(track.FirstSeconds <= truth.Frames[0].Seconds + 0.5, $"{truth.FaceId} seen from {truth.Frames[0].Seconds:F2} s, track from {track.FirstSeconds:F2} s");
        }
    }

    [Fact]
    public async Task Each_track_carries_its_best_frame_as_a_jpeg_with_time_and_box()
    {
        var inspection = await Inspector().InspectAsync(await TestClips.PathOf("zoom-in"));

        Assert.NotEmpty(inspection.Tracks);
        foreach (var track in inspection.Tracks)
        {
            var best = track.Best;
            var picture = new ImageDecoder().Decode(best.Jpeg);
            Assert.Equal((best.JpegWidth, best.JpegHeight), (picture.DisplayWidth, picture.DisplayHeight));
            Assert.Equal(640, best.JpegWidth);
            Assert.Contains(track.Faces, f => f.Seconds == best.Seconds && f.Box == best.Box);
            Assert.Equal(track.Faces.Max(f => f.Box.Width * f.Score), best.Box.Width * best.Score, 0.15 * best.Box.Width * best.Score);
            Assert.InRange(best.Box.Right, 0, inspection.Width + 1);
            Assert.Null(picture.Metadata.CapturedAt);
        }
        // The zoom ends on the middle face: its best frame is near the end, where it is largest.
        Assert.Contains(inspection.Tracks, t => t.Best.Seconds > 5 && t.Best.Box.Width > 200);
    }

    [Fact]
    public async Task Faces_too_small_at_the_channels_display_size_are_not_identifiable()
    {
        var script = TestClips.Script("tiny-faces");
        var inspection = await Inspector().InspectAsync(await TestClips.PathOf("tiny-faces"));

        var score = TrackScorer.Score(script, inspection, TrackEvaluation.DefaultRule, 1);

        Assert.All(score.Truth, t => Assert.False(t.Identifiable));
        var identifiable = inspection.Tracks.Where(t => t.IsIdentifiable(TrackEvaluation.DefaultRule, inspection.Width, 1)).ToList();
        Assert.True(identifiable.Count == 0, string.Join("; ", identifiable.Select(t => $"track {t.Id} at {t.FirstSeconds:F2}-{t.LastSeconds:F2} s, {t.SustainedWidth(0.6, 1):F1} px")));
        // The faces are seen (a third of these 20-px faces, the detector's floor), just too small to identify anyone.
        Assert.True(score.Found >= 10, $"only {score.Found} of {score.Truth.Count} small faces found");
    }
}
