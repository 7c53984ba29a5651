using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Vision;

namespace PostGuard.Server.Tests.Review;

/// <summary>
/// Answering a decision with a new revision of the same draft, through the HTTP API: the uploader's
/// edited resubmission (analysed afresh) and the approver's redacted version (faces blurred, checked
/// again, refused if it still blocks). Run once per backend.
/// </summary>
public abstract class RevisionScenarios(BackendFixture fixture)
{
    private PostGuardFactory Factory => fixture.Factory;

    private static object Draft(bool commentsEnabled, string text = "Year 4 performed their Harvest Festival assembly this morning.", bool photo = false) => new
    {
        text,
        channels = new[] { "instagram" },
        publishAt = "2026-11-27T16:00:00Z",
        commentsEnabled,
        images = photo ? new object[] { new { file = "class.png", tags = Array.Empty<string>() } } : [],
    };

    private static (string, byte[]) Photo() => ("class.png", File.ReadAllBytes(TestPhotos.ThreeFacesNoGps()));

    protected async Task Resubmission_is_the_next_revision_analysed_afresh_and_the_first_leaves_the_queue()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, Draft(commentsEnabled: true));
        var first = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Block", (string?)first["decision"]);
        await WaitForQueueAsync(school, id, revision: 1);

        using var response = await school.Uploader.PostAsync($"/api/v1/drafts/{id}/revisions", DraftApi.Multipart(Draft(commentsEnabled: false)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.Equal(2, (int)accepted!["revision"]!);
        Assert.Equal(id.ToString(), (string?)accepted["id"]);

        var second = await WaitForRevisionDecisionAsync(school.Uploader, id, 2);
        Assert.Equal("Approve", (string?)second["decision"]);
        Assert.Equal("Pending", (string?)second["reviewState"]);
        Assert.False((bool)second["commentsEnabled"]!);
        var queue = await WaitForQueueAsync(school, id, revision: 2);
        Assert.DoesNotContain(queue, i => (int)i!["revision"]! == 1);

        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        var resubmitted = audit!["events"]!.AsArray().Single(e => (string?)e!["action"] == "draft.resubmitted")!;
        Assert.Equal(2, (int)resubmitted["revision"]!);
        Assert.Equal("Block", (string?)resubmitted["details"]!["previousDecision"]);
        Assert.Contains(audit["events"]!.AsArray(), e => (string?)e!["action"] == "draft.decided" && (int)e["revision"]! == 2);
    }

    protected async Task Only_the_schools_uploader_resubmits_and_bad_input_changes_nothing()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var other = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, Draft(commentsEnabled: true));
        await DraftApi.WaitForDecisionAsync(school.Uploader, id);

        using (var approver = await school.Approver.PostAsync($"/api/v1/drafts/{id}/revisions", DraftApi.Multipart(Draft(commentsEnabled: false))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, approver.StatusCode);
        }
        using (var stranger = await other.Uploader.PostAsync($"/api/v1/drafts/{id}/revisions", DraftApi.Multipart(Draft(commentsEnabled: false))))
        {
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        }
        using (var bad = await school.Uploader.PostAsync($"/api/v1/drafts/{id}/revisions", DraftApi.Multipart(new { text = "x", channels = Array.Empty<string>() })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<JsonNode>();
            Assert.NotNull(problem!["errors"]!["draft.channels"]);
        }
        var draft = await school.Uploader.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
        Assert.Equal(1, (int)draft!["revision"]!);
        Assert.Equal("Block", (string?)draft["decision"]);
    }

    protected async Task Approving_a_redacted_version_of_an_untagged_photo_hides_every_face_rechecks_it_and_approves_the_next_revision()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, Draft(commentsEnabled: false, photo: true), Photo());
        var held = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Hold", (string?)held["decision"]);
        Assert.Equal(3, held["images"]![0]!["faces"]!.AsArray().Count(f => (bool)f!["identifiable"]!));
        await WaitForQueueAsync(school, id, revision: 1);

        var (status, body) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve-redacted",
            new { reason = "Faces blurred, as agreed with parents", earliestPublishAt = "2026-11-27T16:30:00Z" });
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal(2, (int)body!["revision"]!);
        Assert.Equal("Approved", (string?)body["reviewState"]);
        Assert.NotEqual("Block", (string?)body["decision"]);
        Assert.DoesNotContain(body["findings"]!.AsArray(), f => (string?)f!["rule"] is "R1" or "R5");
        var blurred = held["images"]![0]!["faces"]!.AsArray().Select(f => Grown(f!["box"]!)).ToList();

        var draft = await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
        Assert.Equal(2, (int)draft!["revision"]!);
        Assert.Equal("Approved", (string?)draft["reviewState"]);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T16:30:00Z"), (DateTimeOffset)draft["earliestPublishAt"]!);
        // The re-check inspected the blurred photo afresh: whatever the detector still takes for a face
        // (a blurred blob can score as one, which holds it for the approver to see) lies inside a blurred area.
        Assert.All(draft["images"]![0]!["faces"]!.AsArray(), f => Assert.Contains(blurred, b => b.Contains(Centre(f!["box"]!))));

        // The stored photo of the redacted revision is a JPEG without metadata, blurred where the faces were.
        using var image = await school.Approver.GetAsync($"/drafts/{id}/revisions/2/images/0");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        var jpeg = await image.Content.ReadAsByteArrayAsync();
        var inspection = Factory.Services.GetRequiredService<Lazy<ImageInspector>>().Value.Inspect(jpeg);
        Assert.All(inspection.Faces, f => Assert.Contains(blurred, b => b.Contains(new System.Drawing.PointF((float)(f.Box.X + (f.Box.Width / 2)), (float)(f.Box.Y + (f.Box.Height / 2))))));
        Assert.Null(inspection.GpsLatitude);
        Assert.Null(inspection.CapturedAt);

        var queue = await school.Approver.GetFromJsonAsync<JsonNode>("/api/v1/review-queue");
        Assert.DoesNotContain(queue!["items"]!.AsArray(), i => (string?)i!["draftId"] == id.ToString());
        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        var approved = audit!["events"]!.AsArray().Single(e => (string?)e!["action"] == "draft.approved-redacted")!;
        Assert.Equal($"approver@{school.Id}.sch.uk", (string?)approved["actor"]);
        Assert.Equal(1, (int)approved["details"]!["fromRevision"]!);
        Assert.Equal(3, (int)approved["details"]!["facesBlurred"]!); // nobody was tagged: every face was unaccounted for
        Assert.Equal("Faces blurred, as agreed with parents", (string?)approved["details"]!["reason"]);

        // The first revision and its decision stay in the history.
        using var original = await school.Approver.GetAsync($"/drafts/{id}/revisions/1/images/0");
        Assert.Equal("image/png", original.Content.Headers.ContentType?.MediaType);
    }

    protected async Task A_redacted_version_that_still_blocks_is_refused_and_nothing_changes()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, Draft(commentsEnabled: true, photo: true), Photo());
        var blocked = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Block", (string?)blocked["decision"]);

        var (status, body) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve-redacted", new { reason = "blur them" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("still blocks", (string?)body!["detail"]);
        Assert.Contains("R12", (string?)body["detail"]);

        var (uploaderStatus, _) = await DraftApi.PostJsonAsync(school.Uploader, $"/api/v1/drafts/{id}/approve-redacted", new { });
        Assert.Equal(HttpStatusCode.Forbidden, uploaderStatus);

        var draft = await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
        Assert.Equal(1, (int)draft!["revision"]!);
        Assert.Equal("Pending", (string?)draft["reviewState"]);
        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        Assert.DoesNotContain(audit!["events"]!.AsArray(), e => (string?)e!["action"] == "draft.approved-redacted");
    }

    /// <summary>A face box grown by the redaction margin on each side: the area that is blurred.</summary>
    private static System.Drawing.RectangleF Grown(JsonNode box)
    {
        var (x, y, w, h) = ((float)box["x"]!, (float)box["y"]!, (float)box["width"]!, (float)box["height"]!);
        var margin = (float)ImageInspector.DefaultRedactionMargin;
        return new System.Drawing.RectangleF(x - (margin * w), y - (margin * h), w * (1 + (2 * margin)), h * (1 + (2 * margin)));
    }

    private static System.Drawing.PointF Centre(JsonNode box) =>
        new((float)box["x"]! + ((float)box["width"]! / 2), (float)box["y"]! + ((float)box["height"]! / 2));

    private static async Task<JsonNode> WaitForRevisionDecisionAsync(HttpClient client, Guid id, int revision)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var draft = await client.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
            if ((int)draft!["revision"]! == revision && (string?)draft["status"] == "Decided")
            {
                return draft;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"revision {revision} of draft {id} was not decided in time");
    }

    private static async Task<JsonArray> WaitForQueueAsync(TestSchool school, Guid id, int revision)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var queue = (await school.Approver.GetFromJsonAsync<JsonNode>("/api/v1/review-queue"))!["items"]!.AsArray();
            if (queue.Any(i => (string?)i!["draftId"] == id.ToString() && (int)i["revision"]! == revision) || DateTime.UtcNow > deadline)
            {
                Assert.Contains(queue, i => (string?)i!["draftId"] == id.ToString() && (int)i["revision"]! == revision);
                return queue;
            }
            await Task.Delay(100);
        }
    }
}
