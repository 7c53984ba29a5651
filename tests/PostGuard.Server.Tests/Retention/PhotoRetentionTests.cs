using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PostGuard.Core.Audit;
using PostGuard.Core.Blobs;
using PostGuard.Core.Persistence;
using PostGuard.Core.Retention;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Retention;

/// <summary>Photos of rejected drafts are deleted after the policy's days; a photo another kept draft uses stays.</summary>
public sealed class PhotoRetentionTests(SqliteInMemoryFixture fixture) : IClassFixture<SqliteInMemoryFixture>
{
    [Fact]
    public async Task Photos_of_rejected_drafts_are_deleted_but_a_shared_photo_stays_while_another_draft_keeps_it()
    {
        var school = await TestSchool.CreateAsync(fixture.Factory);
        var photo = await File.ReadAllBytesAsync(TestPhotos.ThreeFacesNoGps());
        var draft = new { text = "Science week", channels = new[] { "instagram" }, images = new[] { new { file = "class.png" } } };
        var rejected = await DraftApi.SubmitAsync(school.Uploader, draft, ("class.png", photo));
        var kept = await DraftApi.SubmitAsync(school.Uploader, draft, ("class.png", photo));
        await DraftApi.WaitForDecisionAsync(school.Uploader, rejected);
        await DraftApi.WaitForDecisionAsync(school.Uploader, kept);
        var (status, _) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{rejected}/reject", new { reason = "Not this photo" });
        Assert.Equal(HttpStatusCode.OK, status);

        var services = fixture.Factory.Services;
        var retention = new PhotoRetention(services.GetRequiredService<Database>(), services.GetRequiredService<BlobStore>(), services.GetRequiredService<AuditTrail>(),
            Options.Create(new RetentionOptions { RejectedPhotoDays = 0, AbandonedPhotoDays = 3650 }), TimeProvider.System, NullLogger<PhotoRetention>.Instance);
        var blobFiles = Directory.EnumerateFiles(services.GetRequiredService<BlobStore>().Root, "*", SearchOption.AllDirectories).Count();

        Assert.True(await retention.RunOnceAsync(CancellationToken.None) >= 1);
        using (var gone = await school.Approver.GetAsync($"/drafts/{rejected}/revisions/1/images/0"))
        {
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode); // not served for this draft any more...
        }
        using (var stays = await school.Approver.GetAsync($"/drafts/{kept}/revisions/1/images/0"))
        {
            Assert.Equal(HttpStatusCode.OK, stays.StatusCode); // ...though the bytes stay for the draft that keeps them
        }
        Assert.Equal(blobFiles, Directory.EnumerateFiles(services.GetRequiredService<BlobStore>().Root, "*", SearchOption.AllDirectories).Count());
        var audit = await school.Auditor.GetFromJsonAsync<JsonNode>($"/api/v1/audit?draftId={rejected}");
        Assert.Equal("draft.photos-deleted", (string?)audit!["events"]![0]!["action"]);
        Assert.Equal(0, await retention.RunOnceAsync(CancellationToken.None)); // nothing left to do for it

        (status, _) = await DraftApi.PostJsonAsync(school.Approver, $"/api/v1/drafts/{kept}/reject", new { reason = "Changed our mind" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, await retention.RunOnceAsync(CancellationToken.None));
        Assert.Equal(blobFiles - 1, Directory.EnumerateFiles(services.GetRequiredService<BlobStore>().Root, "*", SearchOption.AllDirectories).Count());
        using var deleted = await school.Approver.GetAsync($"/drafts/{kept}/revisions/1/images/0");
        Assert.Equal(HttpStatusCode.Gone, deleted.StatusCode);
    }
}
