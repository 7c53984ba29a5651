using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Review;

/// <summary>
/// The media an approved post carries, through the HTTP API with a real camera photo (EXIF with GPS):
/// refused while the draft is not approved (as after a takedown, which puts it back in the queue), then
/// a JPEG with no metadata at all, audited.
/// </summary>
public sealed class PublishedMediaTests(SqliteInMemoryFixture fixture) : IClassFixture<SqliteInMemoryFixture>
{
    private static readonly byte[] CameraPhoto = File.ReadAllBytes(TestPhotos.Path("photos/face-api/sample1.jpg"));

    [Fact]
    public async Task An_approved_photo_is_handed_out_without_any_metadata_and_only_while_approved()
    {
        // The original carries EXIF and GPS, so the checks below can fail.
        var original = ImageMetadataReader.ReadMetadata(new MemoryStream(CameraPhoto));
        Assert.NotEmpty(original.OfType<GpsDirectory>());
        Assert.NotEmpty(original.OfType<ExifIfd0Directory>());

        var school = await TestSchool.CreateAsync(fixture.Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Year 4 at their Harvest Festival assembly.",
            channels = new[] { "instagram" },
            images = new[] { new { file = "assembly.jpg" } },
        }, ("assembly.jpg", CameraPhoto));
        var decided = await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        Assert.Equal("Hold", (string?)decided["decision"]);

        using (var early = await school.Uploader.GetAsync($"/api/v1/drafts/{id}/media/0"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("approved", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (approved, _) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "Parents agreed at the door" });
        Assert.Equal(HttpStatusCode.OK, approved);

        foreach (var client in new[] { school.Uploader, school.Approver })
        {
            using var response = await client.GetAsync($"/api/v1/drafts/{id}/media/0");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("assembly.jpg", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var copy = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xFF, 0xD8], copy[..2]);
            var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(copy));
            Assert.Empty(metadata.OfType<GpsDirectory>());
            Assert.Empty(metadata.OfType<ExifDirectoryBase>());
            Assert.DoesNotContain(metadata, d => d.Name is "XMP" or "ICC Profile" or "IPTC");
        }

        using (var missing = await school.Uploader.GetAsync($"/api/v1/drafts/{id}/media/7"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        Assert.Equal(2, audit!["events"]!.AsArray().Count(e => (string?)e!["action"] == "draft.media-copied"));
    }

    [Fact]
    public async Task The_photo_is_refused_before_the_earliest_publish_time_the_approver_set()
    {
        var school = await TestSchool.CreateAsync(fixture.Factory);
        var id = await DraftApi.SubmitAsync(school.Uploader, new
        {
            text = "Year 4 at their Harvest Festival assembly.",
            channels = new[] { "instagram" },
            images = new[] { new { file = "assembly.jpg" } },
        }, ("assembly.jpg", CameraPhoto));
        await DraftApi.WaitForDecisionAsync(school.Uploader, id);
        var earliest = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(16), TimeSpan.Zero);
        var (approved, _) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{id}/approve", new { reason = "After the trip", earliestPublishAt = earliest });
        Assert.Equal(HttpStatusCode.OK, approved);

        // The API and the pages' download are the same copy, refused the same way until then.
        foreach (var path in new[] { $"/api/v1/drafts/{id}/media/0", $"/drafts/{id}/media/0" })
        {
            foreach (var client in new[] { school.Uploader, school.Approver })
            {
                using var early = await client.GetAsync(path);
                var body = await early.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
                Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
                Assert.Contains(earliest.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
            }
        }
        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={id}");
        Assert.DoesNotContain(audit!["events"]!.AsArray(), e => (string?)e!["action"] == "draft.media-copied");
    }
}
