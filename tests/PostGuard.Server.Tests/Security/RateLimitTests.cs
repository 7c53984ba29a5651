using System.Net;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Security;

/// <summary>Submissions per staff member and sign-in attempts per address are rate limited (429, nothing stored).</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly PostGuardFactory _factory = new(Backend.SqliteInMemory(), new Dictionary<string, string?>
    {
        ["RateLimits:SubmissionsPerMinute"] = "3",
        ["RateLimits:SignInAttemptsPerMinute"] = "2",
    });

    [Fact]
    public async Task A_fourth_submission_in_a_minute_is_refused_for_that_uploader_only()
    {
        var school = await TestSchool.CreateAsync(_factory);
        var other = await TestSchool.CreateAsync(_factory);
        var draft = new { text = "Harvest assembly", channels = new[] { "instagram" } };
        for (var i = 0; i < 3; i++)
        {
            await DraftApi.SubmitAsync(school.Uploader, draft);
        }
        using var refused = await school.Uploader.PostAsync("/api/v1/drafts", DraftApi.Multipart(draft));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        await DraftApi.SubmitAsync(other.Uploader, draft); // another member of staff is not affected
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_refused()
    {
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@y.org", ["Password"] = "wrong" }));
            statuses.Add(response.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    public void Dispose() => _factory.Dispose();
}
