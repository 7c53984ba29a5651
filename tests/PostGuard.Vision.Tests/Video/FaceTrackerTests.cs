using PostGuard.Vision.Faces;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

public sealed class FaceTrackerTests
{
    private static FaceDetection Face(double centreX, double centreY, double width, double score = 0.9) =>
        new(new FaceBox(centreX - (width / 2), centreY - (width / 2), width, width), [], score);

    private static List<FaceTrack> Tracks(FaceTracker tracker, double end) =>
        [.. tracker.Finish(end).Select(t =>
        {
            t.Best ??= new TrackBestFrame(t.BestSeconds, t.BestFace.Box, t.BestFace.Score, [], 0, 0);
            return t.Build();
        })];

    [Fact]
    public void A_face_moving_steadily_is_one_track_with_its_times_covered()
    {
        var tracker = new FaceTracker(maxGapSeconds: 1.5);
        for (var i = 0; i < 6; i++)
        {
            tracker.Add(i * 0.5, false, [Face(100 + (i * 30), 200, 80)]);
        }

        var track = Assert.Single(Tracks(tracker, 3.2));

        Assert.Equal(6, track.Faces.Count);
        Assert.Equal(0, track.ShownFromSeconds);
        Assert.Equal(3.2, track.ShownUntilSeconds);
        Assert.Equal([0.5, 1.0, 1.5, 2.0, 2.5, 3.2], track.Faces.Select(f => f.UntilSeconds));
    }

    [Fact]
    public void Neighbours_in_a_fast_pan_are_not_swapped_or_joined()
    {
        // Two faces 150 px apart; the camera pans so both move 110 px between analysed frames: face A lands
        // 40 px from where face B was. The camera's motion, agreed by both faces, keeps each face its own track.
        var tracker = new FaceTracker(maxGapSeconds: 1.5);
        for (var i = 0; i < 5; i++)
        {
            tracker.Add(i * 0.5, false, [Face(100 + (i * 110), 300, 100), Face(250 + (i * 110), 300, 100)]);
        }

        var tracks = Tracks(tracker, 2.5);

        Assert.Equal(2, tracks.Count);
        Assert.All(tracks, t => Assert.Equal(5, t.Faces.Count));
        Assert.All(tracks, t => Assert.All(t.Faces.Zip(t.Faces.Skip(1)), p => Assert.Equal(110, p.Second.Box.CenterX - p.First.Box.CenterX, 3)));
    }

    [Fact]
    public void A_face_missed_for_less_than_the_allowed_gap_continues_its_track()
    {
        var tracker = new FaceTracker(maxGapSeconds: 1.5);
        tracker.Add(0, false, [Face(300, 300, 80)]);
        tracker.Add(0.5, false, []);
        tracker.Add(1.0, false, []);
        tracker.Add(1.5, false, [Face(305, 300, 80)]);

        var track = Assert.Single(Tracks(tracker, 2));

        Assert.Equal([0, 1.5], track.Faces.Select(f => f.Seconds));
    }

    [Fact]
    public void A_face_missed_for_longer_than_the_gap_starts_a_new_track()
    {
        var tracker = new FaceTracker(maxGapSeconds: 1.0);
        tracker.Add(0, false, [Face(300, 300, 80)]);
        tracker.Add(0.5, false, []);
        tracker.Add(1.0, false, []);
        tracker.Add(1.5, false, [Face(300, 300, 80)]);

        Assert.Equal(2, Tracks(tracker, 2).Count);
    }

    [Fact]
    public void No_track_continues_across_a_cut()
    {
        var tracker = new FaceTracker(maxGapSeconds: 1.5);
        tracker.Add(0, false, [Face(300, 300, 80)]);
        tracker.Add(0.5, false, [Face(300, 300, 80)]);
        tracker.Add(0.6, true, [Face(300, 300, 80)]);

        var tracks = Tracks(tracker, 1);

        Assert.Equal(2, tracks.Count);
        Assert.Equal(0.6, tracks[0].ShownUntilSeconds);
        Assert.Equal(0.6, tracks[1].ShownFromSeconds);
    }

    [Fact]
    public void A_face_of_a_very_different_size_at_the_same_place_is_another_person()
    {
        var tracker = new FaceTracker(maxGapSeconds: 1.5);
        tracker.Add(0, false, [Face(300, 300, 60)]);
        tracker.Add(0.5, false, [Face(300, 300, 150)]);

        Assert.Equal(2, Tracks(tracker, 1).Count);
    }

    [Fact]
    public void The_best_frame_is_the_largest_surest_view()
    {
        var tracker = new FaceTracker(maxGapSeconds: 1.5);
        tracker.Add(0, false, [Face(300, 300, 60, 0.9)]);
        tracker.Add(0.5, false, [Face(300, 300, 80, 0.95)]);
        tracker.Add(1.0, false, [Face(300, 300, 82, 0.6)]);

        var track = Assert.Single(Tracks(tracker, 1.5));

        Assert.Equal(0.5, track.Best.Seconds);
        Assert.Equal(80, track.Best.Box.Width);
    }
}
