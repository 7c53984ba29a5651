using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PostGuard.Browser.Tests.Infrastructure;
using PostGuard.Core.Schools;
using PostGuard.Server.Web;
using PostGuard.Vision.Video;
using static Microsoft.Playwright.Assertions;
using PostGuard.Tests.Shared;

namespace PostGuard.Browser.Tests.Journeys;

/// <summary>The uploader's and the headteacher's journeys in Debian's chromium against the real server.</summary>
public sealed class DraftJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Analysis = new() { Timeout = 90_000 };
    private static readonly LocatorAssertionsToContainTextOptions AnalysisContains = new() { Timeout = 90_000 };

    /// <summary>Submitting a clip waits for ffprobe to read its header before the draft is stored: slower than a photo on a busy machine.</summary>
    private static readonly LocatorClickOptions ClipUpload = new() { Timeout = 90_000 };

    [Fact]
    public async Task Uploader_submits_a_photo_tags_a_face_and_the_headteacher_approves_a_redacted_version()
    {
        var school = await fixture.CreateSchoolAsync();
        await school.ImportPeopleAsync(Register.Csv);

        // The uploader composes a draft with a real photo of three children at desktop width.
        var uploader = await fixture.NewPageAsync(1280, 900);
        await school.SignInAsync(uploader, Roles.Uploader);
        await Expect(uploader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/drafts$"));
        await uploader.GetByRole(AriaRole.Link, new() { Name = "New draft" }).First.ClickAsync();
        await uploader.GetByLabel("Post text").FillAsync("Year 4 are visiting the Natural History Museum today. What a brilliant day of learning!");
        await Expect(uploader.GetByLabel("instagram")).ToBeCheckedAsync();
        await Expect(uploader.GetByLabel("Allow comments")).Not.ToBeCheckedAsync();
        await uploader.GetByLabel("Photo 1", new() { Exact = true }).SetInputFilesAsync(TestPhotos.ThreeFacesNoGps());
        await Expect(uploader.Locator("#preview0")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(uploader, "01-uploader-compose");
        await uploader.GetByRole(AriaRole.Button, new() { Name = "Check this draft" }).ClickAsync();

        // The decision: held, each finding explained with its fix; the three faces are drawn, none accounted for.
        await Expect(uploader.Locator("#decision .decision-word")).ToHaveTextAsync("Hold", Analysis);
        var draftId = Guid.Parse(uploader.Url.Split('/')[^1]);
        await Expect(uploader.Locator(".finding").Filter(new() { HasText = "Faces nobody accounts for" })).ToContainTextAsync("3 of 3 identifiable face(s)");
        await Expect(uploader.Locator(".finding").Filter(new() { HasText = "Faces nobody accounts for" }).Locator(".fix")).ToContainTextAsync("blur");
        await Expect(uploader.Locator("svg.overlay .face-unaccounted")).ToHaveCountAsync(3);
        await Expect(uploader.Locator("mark.flag").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(uploader, "02-uploader-decision-hold");

        // Edit and resubmit: click a face on the photo to say who it is.
        await uploader.GetByRole(AriaRole.Link, new() { Name = "Edit and resubmit" }).ClickAsync();
        await uploader.Locator("svg.overlay .face[data-face='0']").ClickAsync();
        var faceOne = uploader.GetByLabel("Face 1 in photo 1 is");
        await Expect(faceOne).ToBeFocusedAsync();
        await faceOne.SelectOptionAsync(new SelectOptionValue { Label = "Amelia Hughes (Year 4)" });
        await BrowserFixture.ScreenshotAsync(uploader, "03-uploader-tag-a-face");
        await uploader.GetByRole(AriaRole.Button, new() { Name = "Resubmit for checking" }).ClickAsync();

        // Revision 2 is checked again: still held, now with Amelia's face consented and two faces to account for.
        await Expect(uploader.Locator("#decision")).ToContainTextAsync("Revision 2", AnalysisContains);
        await Expect(uploader.Locator("#decision .decision-word")).ToHaveTextAsync("Hold", Analysis);
        await Expect(uploader.Locator(".faces")).ToContainTextAsync("Amelia Hughes: consented");
        await Expect(uploader.Locator("svg.overlay .face-consented")).ToHaveCountAsync(1);
        await Expect(uploader.Locator("svg.overlay .face-unaccounted")).ToHaveCountAsync(2);
        await Expect(uploader.Locator(".finding").Filter(new() { HasText = "Faces nobody accounts for" })).ToContainTextAsync("2 of 3");
        await Expect(uploader.Locator(".history")).ToContainTextAsync("draft.resubmitted");

        // The headteacher, on a 768-px tablet: the queue shows it held, with its face boxes, and the count in the header.
        var head = await fixture.NewPageAsync(768, 1024);
        await school.SignInAsync(head, Roles.Approver);
        await Expect(head).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue$"));
        await Expect(head.Locator("#counts")).ToContainTextAsync("1 held");
        await Expect(head.Locator("#queue-link .badge")).ToHaveTextAsync("1");
        var item = head.Locator(".queue-item").Filter(new() { HasText = "Natural History Museum" });
        await Expect(item.Locator("svg.overlay rect")).ToHaveCountAsync(3);
        await BrowserFixture.ScreenshotAsync(head, "04-headteacher-queue-tablet");

        await item.Locator("a.queue-link").ClickAsync();
        await Expect(head).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/drafts/{draftId}/review$"));
        await Expect(head.Locator("mark.flag").First).ToBeVisibleAsync();
        await Expect(head.Locator("svg.overlay .face-consented")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(head, "05-headteacher-draft-tablet");

        // Approve a redacted version: the faces nobody accounts for are ticked to hide, Amelia's (consented) is not.
        await head.GetByRole(AriaRole.Link, new() { Name = "Choose faces and preview" }).ClickAsync();
        await Expect(head.GetByLabel("Face 1: Amelia Hughes: consented")).Not.ToBeCheckedAsync();
        await Expect(head.GetByLabel("Face 2: not accounted for")).ToBeCheckedAsync();
        await Expect(head.GetByLabel("Face 3: not accounted for")).ToBeCheckedAsync();
        var preview = head.Locator("img#preview-0");
        await Expect(preview).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("redacted-preview\\?faces=1,2$"));
        // Clicking a face on the photo takes it out of the redaction, and the preview follows; clicking again puts it back.
        await head.Locator("svg.overlay .face[data-face='2']").ClickAsync();
        await Expect(head.GetByLabel("Face 3: not accounted for")).Not.ToBeCheckedAsync();
        await Expect(preview).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("redacted-preview\\?faces=1$"));
        await head.Locator("svg.overlay .face[data-face='2']").ClickAsync();
        await Expect(preview).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("redacted-preview\\?faces=1,2$"));
        await head.WaitForFunctionAsync("() => { const i = document.querySelector('img#preview-0'); return i && i.complete && i.naturalWidth > 0; }");
        await BrowserFixture.ScreenshotAsync(head, "06-headteacher-redacted-preview");
        // An earliest publish time already past (the journey goes on to download the photo), in the school's time zone.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var earliest = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-1), london);
        earliest = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, earliest.Offset);
        await head.GetByLabel("Earliest publish time").FillAsync(earliest.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await head.GetByRole(AriaRole.Button, new() { Name = "Approve redacted version" }).ClickAsync();
        await Expect(head.Locator("#message")).ToHaveTextAsync("The redacted version was checked again and approved.");
        await Expect(head.Locator("#decision")).ToContainTextAsync("Revision 3");
        await Expect(head.Locator("#decision")).ToContainTextAsync("approved");
        await Expect(head.Locator("#decision")).ToContainTextAsync("not before " + Words.When(earliest));
        await Expect(head.Locator(".faces")).ToContainTextAsync("Amelia Hughes: consented");
        await BrowserFixture.ScreenshotAsync(head, "07-headteacher-approved-redacted");

        // The API agrees: revision 3 approved, not blocked, with the earliest publish time, Amelia still bound
        // to her face (found again in the redacted photo); the queue is empty.
        var api = school.Api(Roles.Approver);
        var draft = await api.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{draftId}");
        Assert.Equal(3, (int)draft!["revision"]!);
        Assert.Equal("Approved", (string?)draft["reviewState"]);
        Assert.NotEqual("Block", (string?)draft["decision"]);
        Assert.Equal(earliest, (DateTimeOffset)draft["earliestPublishAt"]!);
        var amelia = Assert.Single(draft["images"]![0]!["tags"]!.AsArray())!;
        Assert.Equal("face", (string?)amelia["placement"]);
        Assert.Contains(draft["images"]![0]!["faces"]!.AsArray(), f => (string?)f!["person"] == (string?)amelia["person"]);
        await head.GotoAsync("/queue");
        await Expect(head.Locator("#counts")).ToContainTextAsync("0 held");

        // The uploader takes the photo to post from the approved draft: the blurred copy, with no metadata at all.
        await uploader.GotoAsync($"/drafts/{draftId}");
        var toPublish = uploader.Locator(".publish-media");
        await Expect(toPublish).ToContainTextAsync("removed all their metadata");
        var download = await uploader.RunAndWaitForDownloadAsync(() => toPublish.GetByRole(AriaRole.Link).First.ClickAsync());
        var copy = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xFF, 0xD8], copy[..2]);
        var metadata = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(copy));
        Assert.Empty(metadata.OfType<MetadataExtractor.Formats.Exif.ExifDirectoryBase>());
        Assert.Empty(metadata.OfType<MetadataExtractor.Formats.Exif.GpsDirectory>());
        await BrowserFixture.ScreenshotAsync(uploader, "08-uploader-photos-to-publish");

        // A post approved for later: until then the page says when, and offers nothing to download.
        var later = await SubmitPhotoDraftAsync(school);
        var afterTheTrip = DateTimeOffset.UtcNow.AddDays(2);
        using (var approvedForLater = await api.PostAsJsonAsync($"/api/v1/drafts/{later}/approve", new { reason = "After the trip", earliestPublishAt = afterTheTrip }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, approvedForLater.StatusCode);
        }
        await uploader.GotoAsync($"/drafts/{later}");
        await Expect(uploader.Locator(".publish-media")).ToContainTextAsync("its photos can be downloaded from then");
        await Expect(uploader.Locator(".publish-media")).ToContainTextAsync(Words.When(afterTheTrip));
        await Expect(uploader.Locator(".publish-media a")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Uploader_posts_a_clip_sees_its_face_tracks_tags_two_is_blocked_and_the_headteacher_hides_the_refused_and_the_others()
    {
        var school = await fixture.CreateSchoolAsync();
        await school.ImportPeopleAsync(Register.Csv);
        var uploader = await fixture.NewPageAsync(1280, 900);
        await school.SignInAsync(uploader, Roles.Uploader);
        await uploader.GetByRole(AriaRole.Link, new() { Name = "New draft" }).First.ClickAsync();
        await uploader.GetByLabel("Post text").FillAsync("Sports day: the egg and spoon race!");
        await uploader.GetByLabel("Photo 1", new() { Exact = true }).SetInputFilesAsync(await TestClips.ThreeFacesWithLocationAsync());
        await uploader.GetByRole(AriaRole.Button, new() { Name = "Check this draft" }).ClickAsync(ClipUpload);

        // Held: every face track is shown by its best frame with its box and when it is seen; the clip's location is reported.
        await Expect(uploader.Locator("#decision .decision-word")).ToHaveTextAsync("Hold", Analysis);
        var draftId = Guid.Parse(uploader.Url.Split('/')[^1]);
        var tracks = uploader.Locator(".tracks figure.track");
        Assert.True(await tracks.CountAsync() >= 3);
        await Expect(tracks.First.Locator("figcaption")).ToContainTextAsync("seen 0.0–");
        await Expect(tracks.First.Locator("figcaption")).ToContainTextAsync("best frame at");
        await uploader.WaitForFunctionAsync("() => [...document.querySelectorAll('.tracks img')].every(i => i.complete && i.naturalWidth === 640)");
        await Expect(uploader.Locator(".tracks svg.overlay .face-unaccounted")).Not.ToHaveCountAsync(0);
        await Expect(uploader.Locator(".finding").Filter(new() { HasText = "GPS" })).ToBeVisibleAsync();
        await Expect(uploader.Locator("#photos-h")).ToHaveTextAsync("Photos and clips");
        await Expect(uploader.Locator("figure.photo > figcaption").First).ToContainTextAsync("Clip 1:");
        await BrowserFixture.ScreenshotAsync(uploader, "09-uploader-clip-face-tracks");

        // Edit: click the tracks' faces to say who they are, as on a photo: Amelia (consent given) and Liam (refused).
        await uploader.GetByRole(AriaRole.Link, new() { Name = "Edit and resubmit" }).ClickAsync();
        await uploader.Locator(".tracks svg.overlay .face[data-face='0']").ClickAsync();
        var faceOne = uploader.GetByLabel("Face 1 in clip 1 is");
        await Expect(faceOne).ToBeFocusedAsync();
        await faceOne.SelectOptionAsync(new SelectOptionValue { Label = "Amelia Hughes (Year 4)" });
        await uploader.Locator(".tracks svg.overlay .face[data-face='1']").ClickAsync();
        await uploader.GetByLabel("Face 2 in clip 1 is").SelectOptionAsync(new SelectOptionValue { Label = "Liam O'Brien (Year 4)" });
        await uploader.GetByRole(AriaRole.Button, new() { Name = "Resubmit for checking" }).ClickAsync(ClipUpload);
        await Expect(uploader.Locator("#decision")).ToContainTextAsync("Revision 2", AnalysisContains);

        // Blocked (R1): Liam's track is shown without consent, with when he is seen; Amelia's is accounted for.
        await Expect(uploader.Locator("#decision .decision-word")).ToHaveTextAsync("Block", Analysis);
        var r1 = uploader.Locator(".finding").Filter(new() { HasText = "A child in a photo or video without consent" });
        await Expect(r1).ToContainTextAsync("Liam O'Brien");
        await Expect(r1).ToContainTextAsync("seen 0.0-");
        await Expect(uploader.Locator(".tracks svg.overlay .face-consented")).ToHaveCountAsync(1);
        await Expect(uploader.Locator(".tracks svg.overlay .face-noconsent")).ToHaveCountAsync(1);
        await uploader.WaitForFunctionAsync("() => [...document.querySelectorAll('.tracks img')].every(i => i.complete && i.naturalWidth === 640)");
        await BrowserFixture.ScreenshotAsync(uploader, "11-uploader-clip-blocked");

        // The headteacher hides the tracks nobody accounts for: the preview is a frame of the clip as it would be published.
        var head = await fixture.NewPageAsync(768, 1024);
        await school.SignInAsync(head, Roles.Approver);
        await head.GotoAsync($"/drafts/{draftId}/redact");
        await Expect(head.GetByLabel("Face 1: Amelia Hughes: consented")).Not.ToBeCheckedAsync();
        await Expect(head.GetByLabel("Face 2: Liam O'Brien: no consent")).ToBeCheckedAsync();
        await head.WaitForFunctionAsync("() => { const i = document.querySelector('img#preview-0'); return i && i.complete && i.naturalWidth > 0; }");
        await BrowserFixture.ScreenshotAsync(head, "10-headteacher-clip-redacted-preview");
        await head.GetByRole(AriaRole.Button, new() { Name = "Approve redacted version" }).ClickAsync();
        await Expect(head.Locator("#message")).ToHaveTextAsync("The redacted version was checked again and approved.", new() { Timeout = 120_000 });

        // The uploader downloads the clip to post: an MP4 without the phone's location.
        await uploader.GotoAsync($"/drafts/{draftId}");
        var toPublish = uploader.Locator(".publish-media");
        await Expect(toPublish).ToContainTextAsync("Clip 1 (sports-day.mp4)");
        var download = await uploader.RunAndWaitForDownloadAsync(() => toPublish.GetByRole(AriaRole.Link).First.ClickAsync());
        var copy = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(ClipFormat.Mp4, ClipSniffer.Detect(copy));
        var text = System.Text.Encoding.Latin1.GetString(copy);
        Assert.DoesNotContain("loci", text, StringComparison.Ordinal);
        Assert.DoesNotContain("udta", text, StringComparison.Ordinal);
        // Checked with ffprobe: the uploaded clip carries its location, the downloaded copy no tag at all beyond the constant ones.
        Assert.Contains(await ClipTags.ReadAsync(await File.ReadAllBytesAsync(await TestClips.ThreeFacesWithLocationAsync())), t => t.Contains("location", StringComparison.Ordinal));
        Assert.All(await ClipTags.ReadAsync(copy), t => Assert.Matches(ClipTags.MetadataFree, t));
        var api = school.Api(Roles.Approver);
        var approved = (await api.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{draftId}"))!;
        Assert.Equal("Approved", (string?)approved["reviewState"]);
        Assert.Contains(approved["images"]![0]!["tags"]!.AsArray(), t => (string?)t!["placement"] == "not-visible");
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var school = await fixture.CreateSchoolAsync();
        var page = await fixture.NewPageAsync();
        // Every refusal reads the same, locked or not, so the page tells nobody whether the account exists or is locked.
        const string refused = "The school code, e-mail or password is wrong, or the account is locked for 15 minutes after too many wrong passwords. Try again, or ask the school's PostGuard administrator.";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await school.SignInAsync(page, Roles.Approver, "not-the-password");
            await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync(refused);
        }
        await BrowserFixture.ScreenshotAsync(page, "08-sign-in-locked");

        // Locked now: the right password is refused the same way.
        await school.SignInAsync(page, Roles.Approver);
        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync(refused);
        await page.GotoAsync("/queue");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));

        // Another member of staff of the same school is not affected, and signs out again.
        await school.SignInAsync(page, Roles.Uploader);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/drafts$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in$"));
        var response = await page.GotoAsync("/drafts");
        Assert.EndsWith("/sign-in?ReturnUrl=%2Fdrafts", page.Url, StringComparison.Ordinal);
        Assert.NotNull(response);
    }

    [Fact]
    public async Task An_uploader_cannot_open_the_approve_page()
    {
        var school = await fixture.CreateSchoolAsync();
        var draftId = await SubmitTextDraftAsync(school, "Our Harvest Festival collection raised a record amount for the food bank.");
        var page = await fixture.NewPageAsync();
        await school.SignInAsync(page, Roles.Uploader);

        var response = await page.GotoAsync($"/drafts/{draftId}/review");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed for your role");
        await BrowserFixture.ScreenshotAsync(page, "09-uploader-forbidden");

        // Nor post to it with the sign-in cookie: the approve handler refuses the role before anything else.
        var form = page.APIRequest.CreateFormData();
        form.Set("reason", "looks fine");
        var post = await page.APIRequest.PostAsync($"/drafts/{draftId}/review?handler=Approve", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(403, post.Status);
        var draft = await school.Api(Roles.Approver).GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{draftId}");
        Assert.NotEqual("Approved", (string?)draft!["reviewState"]);
    }

    [Fact]
    public async Task The_headteacher_signs_in_by_keyboard_alone_and_sends_a_draft_back_with_a_reason_the_uploader_reads()
    {
        var school = await fixture.CreateSchoolAsync();
        var draftId = await SubmitTextDraftAsync(school, "Year 5 are at the Natural History Museum today!");

        var head = await fixture.NewPageAsync(768, 1024);
        await head.GotoAsync("/sign-in");
        await head.GetByLabel("School code").FocusAsync();
        await head.Keyboard.TypeAsync(school.Id);
        await head.Keyboard.PressAsync("Tab");
        await head.Keyboard.TypeAsync(school.Email(Roles.Approver));
        await head.Keyboard.PressAsync("Tab");
        await head.Keyboard.TypeAsync(BrowserFixture.Password);
        await head.Keyboard.PressAsync("Enter");
        await Expect(head).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue$"));

        await head.GotoAsync($"/drafts/{draftId}/review");
        await Expect(head.Locator("#decision .decision-word")).ToHaveTextAsync("Hold");
        await head.GetByLabel("Reason for the uploader").FillAsync("Please post this after the trip, without the museum's name.");
        await head.GetByLabel("Reason for the uploader").PressAsync("Tab");
        await head.Keyboard.PressAsync("Enter");
        await Expect(head.Locator("#message")).ToHaveTextAsync("Sent back to the uploader with your reason.");
        await Expect(head.Locator("#decision")).ToContainTextAsync("Sent back to the uploader");

        var uploader = await fixture.NewPageAsync();
        await school.SignInAsync(uploader, Roles.Uploader);
        await uploader.GotoAsync($"/drafts/{draftId}");
        await Expect(uploader.GetByRole(AriaRole.Status)).ToContainTextAsync("The headteacher sent this back: “Please post this after the trip, without the museum's name.”");
        await Expect(uploader.GetByRole(AriaRole.Link, new() { Name = "Edit and resubmit" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Another_schools_draft_is_not_found()
    {
        var mersham = await fixture.CreateSchoolAsync("Mersham Primary");
        var milton = await fixture.CreateSchoolAsync("Milton Road Primary");
        var draftId = await SubmitTextDraftAsync(mersham, "Mersham's choir sang beautifully at the carol service.");
        var page = await fixture.NewPageAsync();
        await milton.SignInAsync(page, Roles.Uploader);

        var response = await page.GotoAsync($"/drafts/{draftId}");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        Assert.Equal(404, (await page.GotoAsync($"/drafts/{draftId}/edit"))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/drafts/{draftId}/revisions/1/images/0"))!.Status);

        var head = await fixture.NewPageAsync();
        await milton.SignInAsync(head, Roles.Approver);
        Assert.Equal(404, (await head.GotoAsync($"/drafts/{draftId}/review"))!.Status);
        Assert.Equal(404, (await head.GotoAsync($"/drafts/{draftId}/redact"))!.Status);
    }

    private static Task<Guid> SubmitTextDraftAsync(BrowserSchool school, string text) => SubmitDraftAsync(school, text, withPhoto: false);

    private static Task<Guid> SubmitPhotoDraftAsync(BrowserSchool school) => SubmitDraftAsync(school, "Our Year 4 poets.", withPhoto: true);

    private static async Task<Guid> SubmitDraftAsync(BrowserSchool school, string text, bool withPhoto)
    {
        object[] images = withPhoto ? [new { file = "poets.png" }] : [];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(System.Text.Json.JsonSerializer.Serialize(new { text, channels = new[] { "instagram" }, commentsEnabled = false, images })), "draft" },
        };
        if (withPhoto)
        {
            content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(TestPhotos.ThreeFacesNoGps())), "poets.png", "poets.png");
        }
        using var response = await school.Api(Roles.Uploader).PostAsync("/api/v1/drafts", content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var draft = await school.Api(Roles.Uploader).GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
            if ((string?)draft!["status"] == "Decided")
            {
                return id;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"draft {id} was not decided");
    }
}
