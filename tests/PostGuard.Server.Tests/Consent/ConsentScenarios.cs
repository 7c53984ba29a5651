using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Persistence;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Consent;

/// <summary>
/// The people register and photo consent through the HTTP API, with real photos through the real
/// detector: imports (all or nothing), R1/R2/R4 decisions, expiry, withdrawal after approval, and
/// schools' registers kept apart. Run once per backend.
/// </summary>
public abstract class ConsentScenarios(BackendFixture fixture)
{
    private PostGuardFactory Factory => fixture.Factory;

    private const string Header = "external_id,kind,first_name,last_name,known_as,year_group,use,status,given_by,evidence,signed_on,valid_from,valid_until";

    /// <summary>Three pupils; social-media consent for Amelia and Zoë, website only for Liam; UTF-8 with BOM and Windows line endings.</summary>
    private static string GoodCsv => "\uFEFF" + string.Join("\r\n",
        Header,
        "P001,pupil,Amelia,Hughes,,Year 4,social-media,granted,Mrs Hughes,Form 2026-17,2026-09-05,2026-09-01,2027-08-31",
        "P001,pupil,Amelia,Hughes,,Year 4,website,granted,Mrs Hughes,Form 2026-17,2026-09-05,2026-09-01,2027-08-31",
        "P002,pupil,Zoë,Nguyễn,Zoe,Year 4,social-media,granted,Mr Nguyễn,Form 2026-18,05/09/2026,01/09/2026,31/08/2027",
        "P002,pupil,Zoë,Nguyễn,Zoe,Year 4,website,granted,Mr Nguyễn,Form 2026-18,05/09/2026,01/09/2026,31/08/2027",
        "P003,pupil,Liam,O'Brien,,Year 4,social-media,refused,Ms O'Brien,Form 2026-19,2026-09-06,2026-09-01,2027-08-31",
        "P003,pupil,Liam,O'Brien,,Year 4,website,granted,Ms O'Brien,Form 2026-19,2026-09-06,2026-09-01,2027-08-31",
        "S001,staff,Priya,Patel,,,social-media,granted,Priya Patel,Staff form,2026-09-01,2026-09-01,",
        "") ;

    protected async Task Import_is_idempotent_and_keeps_names_intact()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var first = await ImportAsync(school, GoodCsv);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(4, (int)first.Body!["peopleAdded"]!);
        Assert.Equal(7, (int)first.Body["consentsRecorded"]!);

        var again = await ImportAsync(school, GoodCsv);
        Assert.Equal(0, (int)again.Body!["peopleAdded"]!);
        Assert.Equal(0, (int)again.Body["consentsRecorded"]!);

        var people = (await school.Uploader.GetFromJsonAsync<JsonNode>("/api/v1/people?on=2026-11-21"))!["people"]!.AsArray();
        Assert.Equal(4, people.Count);
        var zoe = people.Single(p => (string?)p!["externalId"] == "P002")!;
        Assert.Equal("Zoë", (string?)zoe["firstName"]);
        Assert.Equal("Nguyễn", (string?)zoe["lastName"]);
        Assert.Equal("granted", (string?)zoe["consent"]!["social-media"]);
        var liam = people.Single(p => (string?)p!["externalId"] == "P003")!;
        Assert.Equal("O'Brien", (string?)liam["lastName"]);
        Assert.Equal("refused", (string?)liam["consent"]!["social-media"]);
        Assert.Equal("none", (string?)liam["consent"]!["press"]);

        var audit = (await school.Auditor.GetFromJsonAsync<JsonNode>("/api/v1/audit?limit=100"))!["events"]!.AsArray();
        Assert.Equal(4, audit.Count(e => (string?)e!["action"] == "person.added"));
        Assert.Equal(7, audit.Count(e => (string?)e!["action"] == "consent.recorded"));
        Assert.All(audit.Where(e => (string?)e!["action"] == "consent.recorded"), e => Assert.Equal($"consent-admin@{school.Id}.sch.uk", (string?)e!["actor"]));
    }

    protected async Task Bad_csv_is_rejected_whole_listing_every_row_and_changes_nothing()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var bad = string.Join("\n",
            Header,
            "P010,pupil,Ruby,Evans,,Year 2,social-media,granted,Mrs Evans,F1,2026-09-01,2026-09-01,2027-08-31",
            "P011,pupil,,Khan,,Year 2,social-media,granted,Mr Khan,F2,2026-09-01,2026-09-01,2027-08-31",
            "P012,pupil,Noah,Smith,,Year 2,social-media,maybe,Mrs Smith,F3,2026-09-01,2026-09-01,2027-08-31",
            "P013,pupil,Ava,Jones,,Year 2,social-media,granted,Mr Jones,F4,2026-13-45,2026-09-01,2027-08-31",
            "P010,pupil,Ruby,Evans,,Year 2,social-media,granted,Mrs Evans,F1,2026-09-01,2026-09-01,2027-08-31",
            "P014,pupil,Isla,Brown,,Year 2,billboards,granted,Mrs Brown,F5,2026-09-01,2026-09-01,2027-08-31");
        var result = await ImportAsync(school, bad);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        var errors = result.Body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("row 3.first_name", errors);
        Assert.Contains("row 4.status", errors);
        Assert.Contains("row 5.signed_on", errors);
        Assert.Contains("row 6.external_id", errors);
        Assert.Contains("row 7.use", errors);

        var people = (await school.ConsentAdmin.GetFromJsonAsync<JsonNode>("/api/v1/people"))!["people"]!.AsArray();
        Assert.Empty(people);
        await using var connection = await Factory.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM consent_records WHERE school_id = @id", new { id = school.Id }));
    }

    protected async Task Pupil_with_refused_social_media_consent_is_blocked_but_fine_on_the_website()
    {
        var school = await TestSchool.CreateAsync(Factory, channels: ["instagram", "website"]);
        await ImportAsync(school, GoodCsv);
        var ids = await IdsAsync(school);
        var tags = new[] { ids["P001"], ids["P002"], ids["P003"] };

        var instagram = await SubmitPhotoAsync(school, "instagram", tags);
        var blocked = await DraftApi.WaitForDecisionAsync(school.Uploader, instagram);
        Assert.Equal("Block", (string?)blocked["decision"]);
        var r1 = Assert.Single(blocked["findings"]!.AsArray(), f => (string?)f!["rule"] == "R1")!;
        Assert.Contains("Liam O'Brien", (string?)r1["reason"]);
        Assert.Contains("refused", (string?)r1["reason"]);
        Assert.Equal(ids["P003"], (string?)r1["evidence"]!["person"]!["id"]);

        var website = await SubmitPhotoAsync(school, "website", tags);
        var fine = await DraftApi.WaitForDecisionAsync(school.Uploader, website);
        Assert.Equal("Approve", (string?)fine["decision"]);
        Assert.Empty(fine["findings"]!.AsArray());
    }

    protected async Task Untagged_faces_hold_and_a_tag_of_another_schools_pupil_is_refused()
    {
        var ours = await TestSchool.CreateAsync(Factory);
        var theirs = await TestSchool.CreateAsync(Factory);
        await ImportAsync(ours, GoodCsv);
        await ImportAsync(theirs, GoodCsv);
        var ourIds = await IdsAsync(ours);
        var theirIds = await IdsAsync(theirs);
        Assert.NotEqual(ourIds["P001"], theirIds["P001"]);

        // Two consented people bound to two of three identifiable faces: one face nobody accounts for.
        var id = await SubmitPhotoAsync(ours, "instagram", ourIds["P001"], ourIds["P002"]);
        var draft = await DraftApi.WaitForDecisionAsync(ours.Uploader, id);
        Assert.Equal("Hold", (string?)draft["decision"]);
        var r2 = Assert.Single(draft["findings"]!.AsArray())!;
        Assert.Equal("R2", (string?)r2["rule"]);
        Assert.Contains("1 of 3", (string?)r2["reason"]);

        using var response = await ours.Uploader.PostAsync("/api/v1/drafts", PhotoDraft("instagram", theirIds["P001"]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("draft.images[0].tags[0]", await response.Content.ReadAsStringAsync());

        using var read = await ours.Uploader.GetAsync($"/api/v1/people/{theirIds["P001"]}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    protected async Task Consent_that_expires_before_the_publish_date_blocks()
    {
        var school = await TestSchool.CreateAsync(Factory);
        await ImportAsync(school, GoodCsv);
        var ids = await IdsAsync(school);
        // Consent runs to 31 August 2027; the post is scheduled for September 2027.
        var id = await SubmitPhotoAtAsync(school, "instagram", "2027-09-10T09:00:00Z", ids["P001"], ids["P002"], ids["S001"]);
        var draft = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Block", (string?)draft["decision"]);
        Assert.Equal(2, draft["findings"]!.AsArray().Count(f => (string?)f!["rule"] == "R1"));
        Assert.DoesNotContain(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R5"); // staff consent has no end date
    }

    protected async Task Withdrawal_after_approval_flips_the_draft_to_block_with_a_takedown_notice()
    {
        var school = await TestSchool.CreateAsync(Factory);
        await ImportAsync(school, GoodCsv);
        var ids = await IdsAsync(school);
        var id = await SubmitPhotoAsync(school, "instagram", ids["P001"], ids["P002"], ids["S001"]);
        var decided = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Approve", (string?)decided["decision"]);
        var (approved, _) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "All consented" });
        Assert.Equal(HttpStatusCode.OK, approved);

        var (status, body) = await DraftApi.PostJsonAsync(school.ConsentAdmin, $"/api/v1/people/{ids["P002"]}/consents",
            new { use = "social-media", status = "withdrawn", givenBy = "Mr Nguyễn", evidence = "e-mail to the office" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains(id.ToString(), body!["draftsFlagged"]!.AsArray().Select(d => (string?)d));

        var draft = await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
        Assert.Equal("Block", (string?)draft!["decision"]);
        Assert.Equal("Pending", (string?)draft["reviewState"]);
        var notice = Assert.Single(draft["findings"]!.AsArray(), f => (string?)f!["rule"] == "R4")!;
        Assert.True((bool)notice["evidence"]!["takedown"]!);
        Assert.Contains("taken down", (string?)notice["reason"]);

        var queue = (await school.Approver.GetFromJsonAsync<JsonNode>("/api/v1/review-queue"))!["items"]!.AsArray();
        var item = Assert.Single(queue, i => (string?)i!["draftId"] == id.ToString())!;
        Assert.Equal("Block", (string?)item["decision"]);
        var (again, problem) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "oops" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("R4", (string?)problem!["detail"]);

        var audit = (await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}"))!["events"]!.AsArray();
        Assert.Equal("draft.takedown", (string?)audit[0]!["action"]);

        // History is kept: the grant and the withdrawal are both on record.
        var person = await school.ConsentAdmin.GetFromJsonAsync<JsonNode>($"/api/v1/people/{ids["P002"]}");
        var history = person!["history"]!.AsArray().Where(h => (string?)h!["use"] == "social-media").Select(h => (string?)h!["status"]).ToList();
        Assert.Equal(["Granted", "Withdrawn"], history);
    }

    protected async Task Only_consent_admins_write_the_register()
    {
        var school = await TestSchool.CreateAsync(Factory);
        var (byApprover, _) = await DraftApi.PostJsonAsync(school.Approver, "/api/v1/people", new { firstName = "Ada", lastName = "Lovelace" });
        Assert.Equal(HttpStatusCode.Forbidden, byApprover);
        var (byUploader, _) = await DraftApi.PostJsonAsync(school.Uploader, "/api/v1/people", new { firstName = "Ada", lastName = "Lovelace" });
        Assert.Equal(HttpStatusCode.Forbidden, byUploader);
        var (created, person) = await DraftApi.PostJsonAsync(school.ConsentAdmin, "/api/v1/people", new { firstName = "Ada", lastName = "Lovelace", kind = "staff" });
        Assert.Equal(HttpStatusCode.Created, created);
        var (invalid, problem) = await DraftApi.PostJsonAsync(school.ConsentAdmin, "/api/v1/people", new { firstName = "", kind = "parent" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.NotNull(problem!["errors"]!["kind"]);
        Assert.NotNull(problem["errors"]!["firstName"]);

        using var patch = await school.ConsentAdmin.PatchAsJsonAsync($"/api/v1/people/{(string?)person!["id"]}", new { knownAs = "Ada L", active = false });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var patched = await patch.Content.ReadFromJsonAsync<JsonNode>();
        Assert.Equal("Ada L", (string?)patched!["knownAs"]);
        Assert.False((bool)patched["active"]!);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> ImportAsync(TestSchool school, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await school.ConsentAdmin.PostAsync("/api/v1/people/import", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    private static async Task<Dictionary<string, string>> IdsAsync(TestSchool school)
    {
        var people = (await school.Uploader.GetFromJsonAsync<JsonNode>("/api/v1/people"))!["people"]!.AsArray();
        return people.ToDictionary(p => (string)p!["externalId"]!, p => (string)p!["id"]!);
    }

    private static MultipartFormDataContent PhotoDraft(string channel, params string[] tags) => PhotoDraftAt(channel, "2026-11-21T16:00:00Z", tags);

    /// <summary>The three-face photo with each person bound to a face in turn: the first to face 0, the second to face 1…</summary>
    private static MultipartFormDataContent PhotoDraftAt(string channel, string publishAt, params string[] tags) =>
        DraftApi.Multipart(new
        {
            text = "Science week in Year 4",
            channels = new[] { channel },
            publishAt,
            images = new[] { new { file = "class.png", tags = tags.Select((person, face) => new { person, face }).ToArray() } },
        }, ("class.png", File.ReadAllBytes(TestPhotos.ThreeFacesNoGps())));

    private static Task<Guid> SubmitPhotoAsync(TestSchool school, string channel, params string[] tags) =>
        SubmitPhotoAtAsync(school, channel, "2026-11-21T16:00:00Z", tags);

    private static async Task<Guid> SubmitPhotoAtAsync(TestSchool school, string channel, string publishAt, params string[] tags)
    {
        using var response = await school.Uploader.PostAsync("/api/v1/drafts", PhotoDraftAt(channel, publishAt, tags));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return Guid.Parse((string)JsonNode.Parse(body)!["id"]!);
    }
}
