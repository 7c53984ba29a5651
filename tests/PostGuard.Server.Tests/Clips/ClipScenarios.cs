using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Video;
using PostGuard.Tests.Shared;

namespace PostGuard.Server.Tests.Clips;

/// <summary>
/// Video clips through the HTTP API of the real service, with ffmpeg, the real face detector and tracker: a clip of
/// untagged identifiable people holds with each track's time and best frame; a tagged pupil without consent on a track
/// blocks; the clip's location is reported and the approved copy carries none; chosen tracks are hidden through the
/// whole clip and the redacted clip is checked again; bad clips are refused from their header or held. Run per backend.
/// </summary>
public abstract class ClipScenarios(BackendFixture fixture)
{
    private PostGuardFactory Factory => fixture.Factory;

    private const string PublishAt = "2026-12-18T16:00:00Z";
    private static readonly TimeSpan ClipDecision = TimeSpan.FromSeconds(240);

    protected async Task Clip_of_untagged_people_holds_with_each_tracks_time_and_best_frame_and_reports_its_location()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await SubmitAsync(school, ClipDraft([]), await TestClips.ThreeFacesWithLocationAsync());

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id, ClipDecision);

        Assert.Equal("Hold", (string?)draft["decision"]);
        var clip = draft["images"]![0]!;
        Assert.Equal("clip", (string?)clip["kind"]);
        Assert.Equal(2.0, (double)clip["durationSeconds"]!, 1);
        Assert.Equal((640, 360), ((int)clip["width"]!, (int)clip["height"]!));
        var r2 = Assert.Single(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R2")!;
        Assert.StartsWith("Clip 1:", (string?)r2["reason"], StringComparison.Ordinal);
        Assert.Contains("seen 0.0-", (string?)r2["reason"], StringComparison.Ordinal);
        var unaccounted = r2["evidence"]!["faces"]!.AsArray();
        Assert.True(unaccounted.Count >= 3, r2.ToJsonString());
        foreach (var face in unaccounted)
        {
            Assert.InRange((double)face!["seconds"]!, 0, 2);
            Assert.Equal(0, (double)face["firstSeconds"]!);
            Assert.True((double)face["lastSeconds"]! >= 1.4);
            var view = clip["faces"]![(int)face["index"]!]!;
            Assert.Equal(face["box"]!.ToJsonString(), view["box"]!.ToJsonString());
            // The evidence picture: the best frame, 640 px wide, without metadata, fetched by any role of the school.
            var frame = new ImageDecoder().Decode(await school.Approver.GetByteArrayAsync((string)view["track"]!["frame"]!));
            Assert.Equal((640, 360), (frame.DisplayWidth, frame.DisplayHeight));
            Assert.False(frame.Metadata.HasGps);
        }
        var r9 = Assert.Single(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R9")!;
        Assert.Equal(51.5072, (double)r9["evidence"]!["latitude"]!, 3);
        Assert.Equal("2026-06-12T10:15:00+00:00", (string?)clip["capturedAt"]);

        using var otherSchool = await (await TestSchool.CreateAsync(Factory)).Uploader.GetAsync((string)clip["faces"]![0]!["track"]!["frame"]!);
        Assert.Equal(HttpStatusCode.NotFound, otherSchool.StatusCode);
    }

    protected async Task Tagged_pupil_without_consent_on_a_track_blocks_and_a_consented_one_accounts_for_it()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var ids = await PeopleAsync(school, ("P1", "granted"), ("P2", "refused"));
        var id = await SubmitAsync(school, ClipDraft([new { person = ids["P1"], face = 0 }, new { person = ids["P2"], face = 1 }]), await TestClips.ThreeFacesAsync());

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id, ClipDecision);

        Assert.Equal("Block", (string?)draft["decision"]);
        var r1 = Assert.Single(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R1")!;
        Assert.Contains("Clip 1, face 2 (seen 0.0-", (string?)r1["reason"], StringComparison.Ordinal);
        Assert.Contains("Pupil P2", (string?)r1["reason"], StringComparison.Ordinal);
        var faces = draft["images"]![0]!["faces"]!.AsArray();
        Assert.Equal(ids["P1"], (string?)faces[0]!["person"]);
        Assert.Equal(ids["P2"], (string?)faces[1]!["person"]);
        Assert.Equal(faces[1]!["box"]!.ToJsonString(), r1["evidence"]!["faces"]![0]!["box"]!.ToJsonString());
        Assert.DoesNotContain(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R9");
    }

    protected async Task Approved_clip_is_handed_out_with_no_metadata_at_all()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await SubmitAsync(school, ClipDraft([]), await TestClips.ThreeFacesWithLocationAsync());
        await DraftApi.WaitForDecisionAsync(school.Uploader, id, ClipDecision);
        using var early = await school.Uploader.GetAsync($"/api/v1/drafts/{id}/media/0");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var (approved, body) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "Parents of all three agreed in writing" });
        Assert.True(approved == HttpStatusCode.OK, body?.ToJsonString());
        using var response = await school.Uploader.GetAsync($"/api/v1/drafts/{id}/media/0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sports-day.mp4", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var copy = await response.Content.ReadAsByteArrayAsync();
        // Checked with ffprobe: nothing but the file-type brands and the constant handler names.
        Assert.All(await ClipTags.ReadAsync(copy), t => Assert.Matches(ClipTags.MetadataFree, t));
        var text = Encoding.Latin1.GetString(copy);
        Assert.DoesNotContain("loci", text, StringComparison.Ordinal);
        Assert.DoesNotContain("udta", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lavf", text, StringComparison.Ordinal);
        // The pictures are the clip's own: re-muxed, not re-encoded.
        var original = await TestClips.FrameAsync(await TestClips.ThreeFacesWithLocationAsync(), 1, 640, 360);
        var published = await TestClips.FrameAsync(copy, 1, 640, 360);
        Assert.Equal(original.Pixels, published.Pixels);
        var audit = (await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}"))!["events"]!.AsArray();
        Assert.Contains(audit, e => (string?)e!["action"] == "draft.media-copied");
    }

    protected async Task Chosen_tracks_are_hidden_through_the_whole_clip_and_the_redacted_clip_is_checked_again()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var ids = await PeopleAsync(school, ("P1", "granted"), ("P2", "refused"));
        var source = await TestClips.ThreeFacesWithLocationAsync();
        var id = await SubmitAsync(school, ClipDraft([new { person = ids["P1"], face = 0 }, new { person = ids["P2"], face = 1 }]), source);
        var blocked = await DraftApi.WaitForDecisionAsync(school.Uploader, id, ClipDecision);
        Assert.Equal("Block", (string?)blocked["decision"]);
        var faces = blocked["images"]![0]!["faces"]!.AsArray();

        var plan = (await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}/redaction"))!["images"]![0]!;
        var hidden = plan["redactByDefault"]!.AsArray().Select(f => (int)f!).ToList();
        Assert.Contains(1, hidden);
        Assert.DoesNotContain(0, hidden);
        Assert.Equal("NoConsent", (string?)plan["faces"]![1]!["standing"]);
        // The preview is a frame of the clip with the chosen tracks hidden.
        var preview = new ImageDecoder().Decode(await school.Approver.GetByteArrayAsync($"/api/v1/drafts/{id}/images/0/redacted-preview?faces=1&at=1"));
        Assert.Equal(640, preview.DisplayWidth);

        var (status, body) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve-redacted", new { reason = "P2 and the visitor hidden" });

        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal(2, (int)body!["revision"]!);
        var redacted = (await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}"))!;
        Assert.Equal("Approved", (string?)redacted["reviewState"]);
        Assert.NotEqual("Block", (string?)redacted["decision"]);
        // The re-check analysed the redacted clip: the kept track is P1's again, and no identifiable face is left where P2 was.
        var after = redacted["images"]![0]!;
        Assert.Equal("clip", (string?)after["kind"]);
        Assert.Contains(after["faces"]!.AsArray(), f => (string?)f!["person"] == ids["P1"]);
        Assert.DoesNotContain(after["faces"]!.AsArray(), f => (bool)f!["identifiable"]! && Overlap(f["box"]!, faces[1]!["box"]!) > 0.2);
        Assert.Contains(after["tags"]!.AsArray(), t => (string?)t!["person"] == ids["P2"] && (string?)t["placement"] == "not-visible");
        var published = await school.Uploader.GetByteArrayAsync($"/api/v1/drafts/{id}/media/0");
        Assert.All(await ClipTags.ReadAsync(published), t => Assert.Matches(ClipTags.MetadataFree, t));
        // In every second of the clip, P2's face is hidden and P1's is as it was (but for re-encoding).
        foreach (var at in new[] { 0.0, 0.7, 1.4, 1.9 })
        {
            var before = await TestClips.FrameAsync(source, at, 640, 360);
            var now = await TestClips.FrameAsync(published, at, 640, 360);
            Assert.True(Difference(before, now, faces[1]!["box"]!) > 15, $"P2's face is hidden at {at} s");
            Assert.True(Difference(before, now, faces[0]!["box"]!) < 8, $"P1's face is kept at {at} s");
        }
    }

    protected async Task Clips_outside_the_limits_are_refused_from_their_header_and_nothing_is_stored()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var tooLong = await TestClips.TestPatternAsync(125, 1, "too-long.mp4");
        var tooFast = await TestClips.TestPatternAsync(1, 240, "too-fast.mp4");

        using var response = await school.Uploader.PostAsync("/api/v1/drafts", DraftApi.Multipart(new
        {
            text = "Sports day",
            channels = new[] { "instagram" },
            publishAt = PublishAt,
            images = new[] { new { file = "long.mp4", tags = Array.Empty<object>() }, new { file = "fast.mp4", tags = Array.Empty<object>() } },
        }, ("long.mp4", tooLong), ("fast.mp4", tooFast)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!;
        Assert.Contains("duration: the clip lasts 125.0 s", (string?)errors["draft.images[0].file"]![0], StringComparison.Ordinal);
        Assert.Contains("frameRate:", (string?)errors["draft.images[1].file"]![0], StringComparison.Ordinal);
        var audit = (await school.Auditor.GetFromJsonAsync<JsonNode>("/api/v1/audit"))!["events"]!.AsArray();
        Assert.DoesNotContain(audit, e => (string?)e!["action"] == "draft.submitted");
    }

    protected async Task Clip_cut_short_holds_as_analysis_incomplete()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await SubmitAsync(school, ClipDraft([]), await TestClips.TruncatedAsync());

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id, ClipDecision);

        Assert.Equal("Hold", (string?)draft["decision"]);
        Assert.Contains("frames:", (string?)draft["images"]![0]!["error"], StringComparison.Ordinal);
        Assert.DoesNotContain(draft["findings"]!.AsArray(), f => (string?)f!["severity"] == "Info" && (string?)f["rule"] == "R2");
        // The worker is still there: the next draft is analysed.
        var next = await SubmitAsync(school, ClipDraft([]), await TestClips.ThreeFacesAsync());
        Assert.Equal("Hold", (string?)(await DraftApi.WaitForDecisionAsync(school.Uploader, next, ClipDecision))["decision"]);
    }

    private static double Overlap(JsonNode a, JsonNode b) =>
        new Core.Checks.Images.FaceBox((int)a["x"]!, (int)a["y"]!, (int)a["width"]!, (int)a["height"]!)
            .IntersectionOverUnion(new Core.Checks.Images.FaceBox((int)b["x"]!, (int)b["y"]!, (int)b["width"]!, (int)b["height"]!));

    /// <summary>Mean absolute difference of the pixels inside a face box (0–255).</summary>
    private static double Difference(RgbImage a, RgbImage b, JsonNode box)
    {
        var (x0, y0, w, h) = ((int)box["x"]!, (int)box["y"]!, (int)box["width"]!, (int)box["height"]!);
        long sum = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(a.Height, y0 + h); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(a.Width, x0 + w); x++)
            {
                var i = ((y * a.Width) + x) * 3;
                sum += Math.Abs(a.Pixels[i] - b.Pixels[i]) + Math.Abs(a.Pixels[i + 1] - b.Pixels[i + 1]) + Math.Abs(a.Pixels[i + 2] - b.Pixels[i + 2]);
            }
        }
        return sum / (3.0 * w * h);
    }

    private static object ClipDraft(object[] tags) => new
    {
        text = "Sports day: the egg and spoon race!",
        channels = new[] { "instagram" },
        publishAt = PublishAt,
        images = new[] { new { file = "sports-day.mp4", tags } },
    };

    private static async Task<Guid> SubmitAsync(TestSchool school, object draft, byte[] clip)
    {
        using var response = await school.Uploader.PostAsync("/api/v1/drafts", DraftApi.Multipart(draft, ("sports-day.mp4", clip)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return Guid.Parse((string)JsonNode.Parse(body)!["id"]!);
    }

    /// <summary>Pupils named "Pupil {code}", each with social-media consent as given; returns their ids by code.</summary>
    private static async Task<Dictionary<string, string>> PeopleAsync(TestSchool school, params (string Code, string Status)[] people)
    {
        var csv = new StringBuilder("external_id,kind,first_name,last_name,use,status,given_by,valid_from\n");
        foreach (var (code, status) in people)
        {
            csv.Append($"{code},pupil,Pupil,{code},social-media,{status},Parent of {code},2026-01-01\n");
        }
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var response = await school.ConsentAdmin.PostAsync("/api/v1/people/import", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var list = (await school.Uploader.GetFromJsonAsync<JsonNode>("/api/v1/people"))!["people"]!.AsArray();
        return list.ToDictionary(p => (string)p!["externalId"]!, p => (string)p!["id"]!);
    }
}
