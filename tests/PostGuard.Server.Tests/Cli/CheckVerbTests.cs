using System.Text.Json.Nodes;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Vision.Codecs;
using PostGuard.Tests.Shared;

namespace PostGuard.Server.Tests.Cli;

/// <summary>The check verb: the real pipeline on local files, no server, no database; exit code is the decision.</summary>
public sealed class CheckVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("postguard-check-").FullName;

    [Fact]
    public async Task Clean_text_exits_0_with_no_findings_and_touches_no_database()
    {
        var result = await ServerProcess.RunAsync(_dir, "check", "--text", "Well done to Year 4 for their Harvest Festival assembly!", "--channel", "instagram", "--json");
        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var json = JsonNode.Parse(result.StdOut)!;
        Assert.Equal("Approve", (string?)json["decision"]);
        Assert.Empty(json["findings"]!.AsArray());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Group_photo_exits_1_and_lists_every_face_in_display_pixels()
    {
        var result = await ServerProcess.RunAsync(_dir, "check", "--text", "Science week", "--image", TestPhotos.Path("photos/face-api/sample1.jpg"), "--json");
        Assert.True(result.ExitCode == 1, result.StdErr + result.StdOut);
        var json = JsonNode.Parse(result.StdOut)!;
        Assert.Equal("Hold", (string?)json["decision"]);
        var image = json["images"]![0]!;
        Assert.Equal(1920, (int)image["width"]!);
        var faces = image["faces"]!.AsArray();
        Assert.Equal(3, faces.Count);
        foreach (var face in faces)
        {
            var box = face!["box"]!;
            Assert.InRange((int)box["x"]!, 0, 1920);
            Assert.InRange((int)box["width"]!, 100, 400);
            Assert.True((bool)face["identifiable"]!);
        }
        Assert.Contains(json["findings"]!.AsArray(), f => (string?)f!["rule"] == "R2");
    }

    [Fact]
    public async Task Strict_policy_with_faces_or_comments_on_exits_2()
    {
        var strict = await ServerProcess.RunAsync(_dir, "check", "--policy", "strict", "--image", TestPhotos.Path("photos/face-api/sample3.jpg"), "--json");
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains(JsonNode.Parse(strict.StdOut)!["findings"]!.AsArray(), f => (string?)f!["rule"] == "R7");

        var comments = await ServerProcess.RunAsync(_dir, "check", "--text", "Sports day", "--comments-enabled");
        Assert.Equal(2, comments.ExitCode);
        Assert.Contains("R12", comments.StdOut);
        Assert.Contains("fix:", comments.StdOut);
    }

    [Fact]
    public async Task Usage_and_input_errors_exit_3_with_a_clear_message()
    {
        var unknown = await ServerProcess.RunAsync(_dir, "check", "--txt", "typo");
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("unknown option --txt", unknown.StdErr);

        var missing = await ServerProcess.RunAsync(_dir, "check", "--image", Path.Combine(_dir, "nope.jpg"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("no file", missing.StdErr);

        var notImage = Path.Combine(_dir, "notes.jpg");
        await File.WriteAllTextAsync(notImage, "not a photo");
        var bad = await ServerProcess.RunAsync(_dir, "check", "--image", notImage);
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("not a JPEG, PNG, WebP or HEIC", bad.StdErr);

        var channel = await ServerProcess.RunAsync(_dir, "check", "--text", "Hi", "--channel", "tiktok");
        Assert.Equal(3, channel.ExitCode);
        Assert.Contains("draft.channels[0]", channel.StdErr);
    }

    [Fact]
    public async Task Register_and_tags_decide_consent_per_channel()
    {
        var register = Path.Combine(_dir, "register.csv");
        await File.WriteAllTextAsync(register, string.Join("\r\n",
            "external_id,kind,first_name,last_name,use,status,given_by,valid_from,valid_until",
            "P1,pupil,Amelia,Hughes,social-media,granted,Mrs Hughes,2026-09-01,2027-08-31",
            "P2,pupil,Zoë,Nguyễn,social-media,granted,Mr Nguyễn,2026-09-01,2027-08-31",
            "P3,pupil,Liam,O'Brien,social-media,refused,Ms O'Brien,2026-09-01,2027-08-31",
            "P3,pupil,Liam,O'Brien,website,granted,Ms O'Brien,2026-09-01,2027-08-31"));
        var photo = TestPhotos.ThreeFacesNoGps();
        string[] common = ["check", "--register", register, "--image", photo, "--tag", "0:P1@0", "--tag", "0:P2@1", "--publish-at", "2026-11-21T16:00:00Z", "--json"];

        var instagram = await ServerProcess.RunAsync(_dir, [.. common, "--tag", "0:P3@2", "--channel", "instagram"]);
        Assert.True(instagram.ExitCode == 2, instagram.StdErr + instagram.StdOut);
        var r1 = Assert.Single(JsonNode.Parse(instagram.StdOut)!["findings"]!.AsArray(), f => (string?)f!["rule"] == "R1")!;
        Assert.Contains("face 3 is Liam O'Brien", (string?)r1["reason"]);

        var website = await ServerProcess.RunAsync(_dir, [.. common, "--tag", "0:P3@2", "--channel", "website"]);
        Assert.True(website.ExitCode == 2, website.StdOut); // Amelia and Zoë gave no website consent

        var twoTags = await ServerProcess.RunAsync(_dir, [.. common, "--channel", "instagram"]);
        Assert.Equal(1, twoTags.ExitCode); // the third face is nobody's: R2 hold
        var r2 = Assert.Single(JsonNode.Parse(twoTags.StdOut)!["findings"]!.AsArray())!;
        Assert.Equal("R2", (string?)r2["rule"]);
        Assert.Contains("1 of 3", (string?)r2["reason"]);

        var notVisible = await ServerProcess.RunAsync(_dir, [.. common, "--tag", "0:P3@hidden", "--channel", "instagram"]);
        Assert.Equal(1, notVisible.ExitCode);
        Assert.Contains(JsonNode.Parse(notVisible.StdOut)!["findings"]!.AsArray(), f => (string?)f!["rule"] == "R1" && (string?)f["severity"] == "Hold");

        var twice = await ServerProcess.RunAsync(_dir, [.. common, "--tag", "0:P1@2"]);
        Assert.Equal(3, twice.ExitCode);
        Assert.Contains("draft.images[0].tags[2]", twice.StdErr);

        var unknown = await ServerProcess.RunAsync(_dir, [.. common, "--tag", "0:P9"]);
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("no person 'P9'", unknown.StdErr);
    }

    [Fact]
    public async Task Redact_out_hides_the_faces_asked_for_and_no_other()
    {
        var output = Path.Combine(_dir, "chosen");
        var result = await ServerProcess.RunAsync(_dir, "check", "--image", TestPhotos.Path("photos/face-api/sample1.jpg"), "--redact-out", output, "--redact", "0:1", "--json");
        Assert.True(result.ExitCode == 1, result.StdErr);
        var original = JsonNode.Parse(result.StdOut)!["images"]![0]!["faces"]!.AsArray().Select(f => Box(f!["box"]!)).ToList();
        var again = await ServerProcess.RunAsync(_dir, "check", "--image", Path.Combine(output, "sample1.redacted.jpg"), "--json");
        var faces = JsonNode.Parse(again.StdOut)!["images"]![0]!["faces"]!.AsArray().Select(f => Box(f!["box"]!)).ToList();
        Assert.Contains(faces, f => IntersectionOverUnion(f, original[0]) > 0.5);
        Assert.Contains(faces, f => IntersectionOverUnion(f, original[2]) > 0.5);
        Assert.DoesNotContain(faces, f => IntersectionOverUnion(f, original[1]) > 0.4);

        var bad = await ServerProcess.RunAsync(_dir, "check", "--image", TestPhotos.Path("photos/face-api/sample1.jpg"), "--redact-out", output, "--redact", "0:9");
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("no face 9", bad.StdErr);
    }

    [Fact]
    public async Task Redact_out_writes_blurred_copies_without_metadata_in_which_no_face_is_found()
    {
        var output = Path.Combine(_dir, "redacted");
        var result = await ServerProcess.RunAsync(_dir, "check", "--image", TestPhotos.Path("photos/face-api/sample1.jpg"), "--redact-out", output, "--json");
        Assert.True(result.ExitCode == 1, result.StdErr);
        var original = JsonNode.Parse(result.StdOut)!["images"]![0]!["faces"]!.AsArray().Select(f => Box(f!["box"]!)).ToList();
        Assert.Equal(3, original.Count);
        var redacted = Path.Combine(output, "sample1.redacted.jpg");
        Assert.True(File.Exists(redacted), result.StdErr);

        var again = await ServerProcess.RunAsync(_dir, "check", "--image", redacted, "--json");
        var image = JsonNode.Parse(again.StdOut)!["images"]![0]!;
        Assert.Equal(1920, (int)image["width"]!);
        // None of the original faces is found again where it was.
        foreach (var face in image["faces"]!.AsArray().Select(f => Box(f!["box"]!)))
        {
            Assert.All(original, o => Assert.True(IntersectionOverUnion(o, face) < 0.4, $"a face was found again at {face}"));
        }
        Assert.DoesNotContain(image["faces"]!.AsArray(), f => (bool)f!["identifiable"]!);
        Assert.Equal(0, again.ExitCode); // the redacted copy passes: no face left to account for
        Assert.Null(image["gpsLatitude"]); // the GPS of the original is gone
    }

    [Fact]
    public async Task A_clip_is_checked_track_by_track_and_its_redacted_copy_hides_the_tracks_and_the_location()
    {
        var clip = Path.Combine(_dir, "sports-day.mp4");
        await File.WriteAllBytesAsync(clip, await TestClips.ThreeFacesWithLocationAsync());
        var register = Path.Combine(_dir, "register.csv");
        await File.WriteAllTextAsync(register, "external_id,kind,first_name,last_name,use,status,given_by,valid_from\nP1,pupil,Amelia,Hughes,social-media,granted,Mrs Hughes,2026-01-01\nP3,pupil,Liam,O'Brien,social-media,refused,Ms O'Brien,2026-01-01\n");
        var output = Path.Combine(_dir, "redacted");
        var frames = Path.Combine(_dir, "frames");

        var result = await ServerProcess.RunAsync(_dir, "check", "--register", register, "--image", clip, "--tag", "0:P1@0", "--tag", "0:P3@1",
            "--publish-at", "2026-11-21T16:00:00Z", "--channel", "instagram", "--redact-out", output, "--frames-out", frames, "--json");

        Assert.True(result.ExitCode == 2, result.StdErr + result.StdOut);
        var json = JsonNode.Parse(result.StdOut)!;
        var r1 = Assert.Single(json["findings"]!.AsArray(), f => (string?)f!["rule"] == "R1")!;
        Assert.Contains("Clip 1, face 2 (seen 0.0-", (string?)r1["reason"]);
        Assert.Contains(json["findings"]!.AsArray(), f => (string?)f!["rule"] == "R9");
        var image = json["images"]![0]!;
        Assert.Equal(2.0, (double)image["durationSeconds"]!, 1);
        var tracks = image["faces"]!.AsArray();
        Assert.All(tracks, t => Assert.NotEmpty(t!["track"]!["path"]!.AsArray()));
        // The untagged tracks hold, each named with when it is seen; each track's best frame is written as its evidence.
        var r2 = Assert.Single(json["findings"]!.AsArray(), f => (string?)f!["rule"] == "R2")!;
        Assert.Contains("Clip 1:", (string?)r2["reason"]);
        Assert.Contains("seen 0.0-", (string?)r2["reason"]);
        Assert.True(tracks.Count >= 3, image.ToJsonString());
        for (var face = 0; face < tracks.Count; face++)
        {
            var frame = new ImageDecoder().Decode(await File.ReadAllBytesAsync(Path.Combine(frames, $"sports-day.face-{face}.jpg")));
            Assert.Equal((640, 360), (frame.DisplayWidth, frame.DisplayHeight));
            Assert.False(frame.Metadata.HasGps);
            Assert.InRange((double)tracks[face]!["track"]!["seconds"]!, 0, 2);
        }
        var redacted = Path.Combine(output, "sports-day.redacted.mp4");
        Assert.True(File.Exists(redacted), result.StdErr);
        // Checked with ffprobe: the original carries its location, the redacted copy no tag that could.
        Assert.Contains(await ClipTags.ReadAsync(await File.ReadAllBytesAsync(clip)), t => t.Contains("location", StringComparison.Ordinal));
        Assert.All(await ClipTags.ReadAsync(await File.ReadAllBytesAsync(redacted)), t => Assert.Matches(ClipTags.MetadataFree, t));

        // The redacted copy, checked again: Liam's track and the untagged ones are gone, Amelia's is kept; no location.
        var again = await ServerProcess.RunAsync(_dir, "check", "--image", redacted, "--json");
        var after = JsonNode.Parse(again.StdOut)!;
        Assert.DoesNotContain(after["findings"]!.AsArray(), f => (string?)f!["rule"] == "R9");
        var kept = after["images"]![0]!["faces"]!.AsArray().Select(f => Box(f!["box"]!)).ToList();
        Assert.Contains(kept, f => IntersectionOverUnion(f, Box(tracks[0]!["box"]!)) > 0.5);
        Assert.DoesNotContain(kept, f => IntersectionOverUnion(f, Box(tracks[1]!["box"]!)) > 0.3);

        var text = await ServerProcess.RunAsync(_dir, "check", "--image", clip);
        Assert.Contains("Clip 1 " + Path.GetFileName(clip) + ": 640x360, 2.0 s", text.StdOut);
        Assert.Contains("best frame at", text.StdOut);

        var tooLong = Path.Combine(_dir, "long.mp4");
        await File.WriteAllBytesAsync(tooLong, await TestClips.TestPatternAsync(125, 1, "too-long.mp4"));
        var refused = await ServerProcess.RunAsync(_dir, "check", "--image", tooLong);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("duration: the clip lasts 125.0 s", refused.StdErr);
    }

    private static (double X, double Y, double W, double H) Box(JsonNode box) => ((double)box["x"]!, (double)box["y"]!, (double)box["width"]!, (double)box["height"]!);

    private static double IntersectionOverUnion((double X, double Y, double W, double H) a, (double X, double Y, double W, double H) b)
    {
        var w = Math.Max(0, Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X));
        var h = Math.Max(0, Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y));
        var intersection = w * h;
        return intersection / ((a.W * a.H) + (b.W * b.H) - intersection);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
