using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Contracts;
using PostGuard.Core.Persistence;
using PostGuard.Core.Policy;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Drafts;

/// <summary>
/// The whole path a draft takes, through the HTTP API of the real service: submit, poll, decision,
/// review queue, approve, audit. Run once per backend (SQLite + in-memory bus; PostgreSQL + RabbitMQ).
/// </summary>
public abstract class DraftPipelineScenarios(BackendFixture fixture)
{
    private PostGuardFactory Factory => fixture.Factory;

    private static object CleanDraft(string channel = "instagram") => new
    {
        text = "Well done to Year 4 for their Harvest Festival assembly!",
        channels = new[] { channel },
        publishAt = "2026-11-21T16:00:00Z",
        commentsEnabled = false,
    };

    protected async Task Clean_draft_is_decided_then_approved_and_audited()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, CleanDraft());

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Approve", (string?)draft["decision"]);
        Assert.Empty(draft["findings"]!.AsArray());
        Assert.Equal("Pending", (string?)draft["reviewState"]); // consent-based: every post is signed off (R17)

        // The queue is filled by the DraftDecided consumer, a moment after the decision is stored.
        var queue = await WaitForQueueAsync(school, 1);
        Assert.Contains(queue, i => (string?)i!["draftId"] == id.ToString());

        var (status, body) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "Lovely assembly" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Approved", (string?)body!["reviewState"]);

        var after = await school.Approver.GetFromJsonAsync<JsonNode>("/api/v1/review-queue");
        Assert.DoesNotContain(after!["items"]!.AsArray(), i => (string?)i!["draftId"] == id.ToString());

        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        var actions = audit!["events"]!.AsArray().Select(e => (string?)e!["action"]).ToList();
        Assert.Equal(["draft.approved", "draft.decided", "draft.submitted"], actions);
        var approved = audit["events"]!.AsArray()[0]!;
        Assert.Equal($"approver@{school.Id}.sch.uk", (string?)approved["actor"]);
        Assert.Equal("Lovely assembly", (string?)approved["details"]!["reason"]);
    }

    protected async Task Comments_enabled_blocks_and_a_block_cannot_be_approved()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, new { text = "Sports day!", channels = new[] { "instagram" }, commentsEnabled = true });

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Block", (string?)draft["decision"]);
        var finding = Assert.Single(draft["findings"]!.AsArray());
        Assert.Equal("R12", (string?)finding!["rule"]);
        Assert.Equal("Block", (string?)finding["severity"]);
        Assert.NotNull(finding["fix"]);

        var (status, body) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "fine" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("R12", (string?)body!["detail"]);

        var (rejected, _) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/reject", new { reason = "Switch comments off" });
        Assert.Equal(HttpStatusCode.OK, rejected);
    }

    protected async Task Channel_outside_the_school_list_blocks_and_queue_is_worst_first()
    {
        var school = await TestSchool.CreateAsync(Factory, channels: [Channels.Instagram]);
        var clean = await DraftApi.SubmitAsync(school.Uploader, CleanDraft());
        var blocked = await DraftApi.SubmitAsync(school.Uploader, CleanDraft("facebook"));

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, blocked);
        Assert.Equal("Block", (string?)draft["decision"]);
        Assert.Equal("R13", (string?)draft["findings"]![0]!["rule"]);
        await DraftApi.WaitForDecisionAsync(school.Uploader, clean);

        var queue = await WaitForQueueAsync(school, 2);
        Assert.Equal([blocked.ToString(), clean.ToString()], queue.Select(i => (string?)i!["draftId"]));
    }

    protected async Task Photo_with_untagged_faces_is_held_with_the_face_boxes()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var photo = await File.ReadAllBytesAsync(TestPhotos.Path("photos/face-api/sample1.jpg"));
        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Our science week",
            channels = new[] { "instagram" },
            images = new[] { new { file = "science.jpg", tags = Array.Empty<string>() } },
        }, ("science.jpg", photo));

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Hold", (string?)draft["decision"]);
        var faces = draft["findings"]!.AsArray().Single(f => (string?)f!["rule"] == "R2")!["evidence"]!["faces"]!.AsArray();
        Assert.Equal(3, faces.Count);
        Assert.All(faces, f => Assert.True((int)f!["box"]!["width"]! > 100));
        var image = Assert.Single(draft["images"]!.AsArray());
        Assert.Equal(1920, (int)image!["width"]!);
        Assert.Equal(3, image["faces"]!.AsArray().Count(f => (bool)f!["identifiable"]!));
        Assert.Contains(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R9"); // the photo carries GPS
    }

    protected async Task Draft_with_many_photos_is_decided_with_every_photo_checked()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var photos = new List<(string, byte[])>();
        for (var i = 1; i <= 5; i++) // Messaging:LargeDraftImages: analysed from the large-draft queue
        {
            photos.Add(($"sports{i}.jpg", await File.ReadAllBytesAsync(TestPhotos.Path($"photos/face-api/sample{i}.jpg"))));
        }
        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Sports day",
            channels = new[] { "instagram" },
            images = photos.Select(p => new { file = p.Item1 }).ToArray(),
        }, [.. photos]);

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Hold", (string?)draft["decision"]);
        Assert.DoesNotContain(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "ANALYSIS");
        Assert.Contains(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R2"); // untagged faces
        Assert.Equal(5, draft["images"]!.AsArray().Count(i => (int)i!["width"]! == 1920));
    }

    protected async Task Truncated_photo_holds_as_analysis_incomplete()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var photo = await File.ReadAllBytesAsync(TestPhotos.Path("photos/face-api/sample2.jpg"));
        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Autumn leaves",
            channels = new[] { "instagram" },
            images = new[] { new { file = "leaves.jpg" } },
        }, ("leaves.jpg", photo[..(photo.Length / 3)]));

        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Hold", (string?)draft["decision"]);
        var finding = Assert.Single(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "ANALYSIS");
        Assert.Contains("could not be checked", (string?)finding!["reason"]);
        var (status, _) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "looked at it myself" });
        Assert.Equal(HttpStatusCode.OK, status); // a Hold is the approver's call, never an automatic approval
    }

    protected async Task Two_approvers_at_once_one_wins_and_the_other_gets_409()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, CleanDraft());
        await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        var results = await Task.WhenAll(
            DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "first" }),
            DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/reject", new { reason = "second" }));
        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        Assert.Single(audit!["events"]!.AsArray(), e => (string?)e!["action"] is "draft.approved" or "draft.rejected");
    }

    protected async Task Approve_and_resubmit_while_a_revision_is_analysed_get_409_and_a_stale_message_changes_nothing()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, CleanDraft());
        await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        // Revision 2 stored but not yet analysed (its message not sent: the reconciler sends it shortly).
        var services = Factory.Services;
        var schoolRecord = (await services.GetRequiredService<Core.Schools.SchoolDirectory>().FindSchoolAsync(school.Id, CancellationToken.None))!;
        var uploader = new Core.Schools.StaffUser(Guid.NewGuid(), school.Id, $"uploader@{school.Id}.sch.uk", "uploader");
        await services.GetRequiredService<Core.Submissions.SubmissionService>().ResubmitAsync(uploader, schoolRecord, id,
            new Core.Submissions.NewDraft { Text = "Well done to Year 4 for their assembly!", Channels = ["instagram"] }, expectedVersion: null, CancellationToken.None);

        var (approve, problem) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "too early" });
        Assert.Equal(HttpStatusCode.Conflict, approve);
        Assert.Contains("still being analysed", (string?)problem!["detail"]);
        using (var resubmit = await school.Uploader.PostAsync($"/api/v1/drafts/{id}/revisions", DraftApi.Multipart(CleanDraft())))
        {
            Assert.Equal(HttpStatusCode.Conflict, resubmit.StatusCode);
        }
        // A late message for revision 1 is stale and changes nothing.
        await services.GetRequiredService<IBus>().Publish(new AnalyzeDraft { DraftId = id, Revision = 1, SchoolId = school.Id });

        var decided = await DraftApi.WaitForDecisionAsync(school.Uploader, id, TimeSpan.FromSeconds(30));
        Assert.Equal(2, (int)decided["revision"]!);
        var database = services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var revisions = (await connection.QueryAsync<int>("SELECT revision FROM decisions WHERE draft_id = @id ORDER BY revision", new { id = id.ToString() })).ToList();
        Assert.Equal(new List<int> { 1, 2 }, revisions); // one decision per revision
    }

    protected async Task Wrong_role_gets_403_and_nothing_changes()
    {
        var school = await TestSchool.CreateAsync(Factory);
        using (var response = await school.Approver.PostAsync("/api/v1/drafts", DraftApi.Multipart(CleanDraft())))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var id = await DraftApi.SubmitAsync(school.Uploader, CleanDraft());
        await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        var (byUploader, _) = await DraftApi.PostJsonAsync(school.Uploader, $"/api/v1/drafts/{id}/approve", new { reason = "self-approval" });
        Assert.Equal(HttpStatusCode.Forbidden, byUploader);
        var (byAuditor, _) = await DraftApi.PostJsonAsync(school.Auditor, $"/api/v1/drafts/{id}/reject", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor);
        using var queue = await school.Uploader.GetAsync("/api/v1/review-queue");
        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        using var anonymous = await Factory.CreateClient().GetAsync($"/api/v1/drafts/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var draft = await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
        Assert.Equal("Pending", (string?)draft!["reviewState"]);
    }

    protected async Task Another_schools_draft_is_404_not_403()
    {
        var ours = await TestSchool.CreateAsync(Factory);
        var theirs = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(ours.Uploader, CleanDraft());
        await DraftApi.WaitForDecisionAsync(ours.Uploader, id);

        using var read = await theirs.Approver.GetAsync($"/api/v1/drafts/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        var (approve, _) = await DraftApi.PostJsonAsync(theirs.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "not mine" });
        Assert.Equal(HttpStatusCode.NotFound, approve);
        var queue = await theirs.Approver.GetFromJsonAsync<JsonNode>("/api/v1/review-queue");
        Assert.Empty(queue!["items"]!.AsArray());
        var audit = await theirs.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        Assert.Empty(audit!["events"]!.AsArray());
    }

    protected async Task Bad_input_gets_a_400_naming_the_field_and_stores_nothing()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var before = await CountStoredAsync(school.Id);

        // Unknown channel name.
        await AssertBadRequestAsync(school, DraftApi.Multipart(new { text = "Hi", channels = new[] { "instagram", "tiktok" } }), "draft.channels[1]");
        // Malformed JSON in the draft part (the problem names where in the draft it broke).
        var malformed = new MultipartFormDataContent { { new StringContent("{\"text\": \"Hi\", \"channels\": [", System.Text.Encoding.UTF8, "application/json"), "draft" } };
        await AssertBadRequestAsync(school, malformed, "draft");
        // Wrong type for a field.
        await AssertBadRequestAsync(school, DraftApi.Multipart(new { text = "Hi", channels = "instagram" }), "draft.channels");
        // Not multipart at all.
        await AssertBadRequestAsync(school, JsonContent.Create(new { text = "Hi", channels = new[] { "instagram" } }), "request");
        // An image listed but not uploaded, and a file that is not an image whatever its name.
        await AssertBadRequestAsync(school, DraftApi.Multipart(new { text = "Hi", channels = new[] { "instagram" }, images = new[] { new { file = "a.jpg" } } }), "draft.images[0].file");
        await AssertBadRequestAsync(school, DraftApi.Multipart(new { text = "Hi", channels = new[] { "instagram" }, images = new[] { new { file = "a.jpg" } } },
            ("a.jpg", "this is not a photo"u8.ToArray())), "draft.images[0].file");
        // A tag that is not a person id.
        await AssertBadRequestAsync(school, DraftApi.Multipart(new { text = "Hi", channels = new[] { "instagram" }, images = new[] { new { file = "a.jpg", tags = new[] { "amelia" } } } },
            ("a.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10])), "draft.images[0].tags[0]");
        // Broken multipart framing.
        var broken = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"draft\"\r\n\r\n{\"text\":", System.Text.Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        await AssertBadRequestAsync(school, broken, "request");

        Assert.Equal(before, await CountStoredAsync(school.Id));
        Assert.False(Directory.Exists(Path.Combine(Factory.DataDir, "blobs")) && Directory.EnumerateFiles(Path.Combine(Factory.DataDir, "blobs"), "*", SearchOption.AllDirectories).Any(f => File.ReadAllBytes(f).Length == 6));
    }

    protected async Task Redelivered_AnalyzeDraft_yields_one_decision()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, CleanDraft());
        var publish = Factory.Services.GetRequiredService<IBus>();
        var message = new AnalyzeDraft { DraftId = id, Revision = 1, SchoolId = school.Id };
        // Two duplicates race the original; two more arrive after the decision.
        await Task.WhenAll(publish.Publish(message), publish.Publish(message));
        await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        await publish.Publish(message);
        await publish.Publish(message);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var database = Factory.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM decisions WHERE draft_id = @id", new { id = id.ToString() }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE draft_id = @id AND action = 'draft.decided'", new { id = id.ToString() }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM review_items WHERE draft_id = @id", new { id = id.ToString() }));
    }

    protected async Task Draft_stuck_in_submitted_is_picked_up_by_the_reconciler()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var schools = Factory.Services.GetRequiredService<Core.Schools.SchoolDirectory>();
        var submissions = Factory.Services.GetRequiredService<Core.Submissions.SubmissionService>();
        var uploader = new Core.Schools.StaffUser(Guid.NewGuid(), school.Id, "deputy@example.org", "uploader");
        // Stored, but its AnalyzeDraft was never published (as if the broker was down at that moment).
        var draft = await submissions.SubmitAsync(uploader, (await schools.FindSchoolAsync(school.Id, CancellationToken.None))!,
            new Core.Submissions.NewDraft { Text = "Choir practice", Channels = ["instagram"] }, CancellationToken.None);

        var decided = await DraftApi.WaitForDecisionAsync(school.Uploader, draft.Id, TimeSpan.FromSeconds(30));
        Assert.Equal("Approve", (string?)decided["decision"]);
    }

    protected async Task Health_reports_the_configured_backend()
    {
        using var response = await Factory.CreateClient().GetAsync("/health/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The database check ran against the configured backend; only statuses are shown (details go to the log).
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["blobs"]);
        // ffmpeg is part of readiness (clips cannot be checked without it).
        Assert.Equal("Healthy", (string?)body["checks"]!["ffmpeg"]);
        using var live = await Factory.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private async Task<JsonArray> WaitForQueueAsync(TestSchool school, int count)
    {
        for (var i = 0; i < 200; i++)
        {
            var queue = (await school.Approver.GetFromJsonAsync<JsonNode>("/api/v1/review-queue"))!["items"]!.AsArray();
            if (queue.Count >= count)
            {
                return queue;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the review queue of {school.Id} did not reach {count} items");
    }

    private static async Task AssertBadRequestAsync(TestSchool school, HttpContent content, string field)
    {
        using var response = await school.Uploader.PostAsync("/api/v1/drafts", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 for {field}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        Assert.True(errors.Any(e => e.Key == field || e.Key.StartsWith(field + ".", StringComparison.Ordinal) || e.Key.StartsWith(field + "[", StringComparison.Ordinal)),
            $"the problem should name '{field}': {body}");
    }

    private async Task<(long Drafts, long Revisions, long Images, long Audit)> CountStoredAsync(string schoolId)
    {
        var database = Factory.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM drafts WHERE school_id = @schoolId", new { schoolId }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM draft_revisions r JOIN drafts d ON d.id = r.draft_id WHERE d.school_id = @schoolId", new { schoolId }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM draft_images i JOIN drafts d ON d.id = i.draft_id WHERE d.school_id = @schoolId", new { schoolId }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE school_id = @schoolId AND action LIKE 'draft.%'", new { schoolId }));
    }
}
