using PostGuard.Vision.Faces;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

public sealed class FaceTrackTests
{
    /// <summary>A track seen on frames analysed every half second, with these widths (square boxes at x = 100).</summary>
    private static FaceTrack Track(params (double Width, double Score)[] faces) =>
        new(1, [.. faces.Select((f, i) => new TrackedFace(i * 0.5, Math.Max(0, (i - 1) * 0.5), (i + 1) * 0.5, new FaceBox(100, 100, f.Width, f.Width), f.Score))],
            new TrackBestFrame(0, new FaceBox(100, 100, faces[0].Width, faces[0].Width), faces[0].Score, [], 0, 0));

    [Fact]
    public void One_large_frame_is_not_the_tracks_size()
    {
        var track = Track((20, 0.9), (20, 0.9), (90, 0.9), (20, 0.9), (20, 0.9));

        Assert.Equal(20, track.SustainedWidth(0.6, sustainSeconds: 1));
    }

    [Fact]
    public void A_size_kept_for_the_sustain_time_is_the_tracks_size()
    {
        var track = Track((20, 0.9), (60, 0.9), (64, 0.9), (20, 0.9));

        Assert.Equal(60, track.SustainedWidth(0.6, sustainSeconds: 1));
    }

    [Fact]
    public void A_face_shown_more_briefly_than_the_sustain_time_counts_at_its_smallest_size()
    {
        var track = Track((50, 0.9));

        Assert.Equal(50, track.SustainedWidth(0.6, sustainSeconds: 1));
    }

    [Fact]
    public void Detections_below_the_policy_score_do_not_count()
    {
        var track = Track((80, 0.55), (80, 0.55), (30, 0.9), (30, 0.9));

        Assert.Equal(30, track.SustainedWidth(0.6, sustainSeconds: 1));
        Assert.Equal(0, Track((80, 0.5)).SustainedWidth(0.6, 1));
    }

    [Fact]
    public void Identifiability_uses_the_sustained_size_at_the_channels_display_width()
    {
        // 40 px in a 1920-px clip is 22.5 px at a 1080-px display: not identifiable at 24 px; 50 px is 28 px: identifiable.
        var rule = new Identifiability(1080, 24, 0.6);

        Assert.False(Track((40, 0.9), (40, 0.9), (200, 0.9), (40, 0.9)).IsIdentifiable(rule, 1920, 1));
        Assert.True(Track((50, 0.9), (50, 0.9), (50, 0.9)).IsIdentifiable(rule, 1920, 1));
    }

    [Fact]
    public void Redaction_covers_the_face_between_analysed_frames_and_nothing_outside_the_track()
    {
        var track = new FaceTrack(1,
            [new TrackedFace(1.0, 0.5, 1.5, new FaceBox(100, 100, 50, 50), 0.9), new TrackedFace(1.5, 1.0, 2.0, new FaceBox(200, 100, 50, 50), 0.9)],
            new TrackBestFrame(1.0, new FaceBox(100, 100, 50, 50), 0.9, [], 0, 0));

        var between = TrackCoverage.BoxAt(track, 1.25)!.Value;
        var before = TrackCoverage.BoxAt(track, 0.75)!.Value;

        // Half-way, the box is centred half-way and grown by half the distance moved (100 px / 2 each side).
        Assert.Equal(175, between.CenterX, 3);
        Assert.Equal(150, between.Width, 3);
        // Before the first detection (since the frame analysed before) the box is held and grown by the track's speed.
        Assert.Equal(125, before.CenterX, 3);
        Assert.True(before.Width > 50);
        Assert.Null(TrackCoverage.BoxAt(track, 0.4));
        Assert.Null(TrackCoverage.BoxAt(track, 2.1));
    }
}
