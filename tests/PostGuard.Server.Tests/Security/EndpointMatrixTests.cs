using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Security;

/// <summary>
/// The role and tenant matrix over every API endpoint, generated from the route table: a new
/// endpoint that is not listed here fails the test, so none can be forgotten. For each endpoint and
/// each role: a role that may not call it gets 403; one that may, using another school's ids, gets 404.
/// </summary>
public sealed class EndpointMatrixTests(SqliteInMemoryFixture fixture) : IClassFixture<SqliteInMemoryFixture>
{
    /// <summary>Who may call what (R14 and PRODUCT.md roles).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["POST /api/v1/drafts"] = [Roles.Uploader],
        ["GET /api/v1/drafts/{id:guid}"] = [.. Roles.All],
        ["GET /api/v1/drafts/{id:guid}/media/{position:int}"] = [Roles.Uploader, Roles.Approver],
        ["GET /api/v1/review-queue"] = [Roles.Approver],
        ["POST /api/v1/drafts/{id:guid}/approve"] = [Roles.Approver],
        ["POST /api/v1/drafts/{id:guid}/reject"] = [Roles.Approver],
        ["GET /api/v1/drafts/{id:guid}/redaction"] = [Roles.Approver],
        ["GET /api/v1/drafts/{id:guid}/images/{position:int}/redacted-preview"] = [Roles.Approver],
        ["GET /api/v1/drafts/{id:guid}/images/{position:int}/faces/{face:int}/frame"] = [.. Roles.All],
        ["POST /api/v1/drafts/{id:guid}/approve-redacted"] = [Roles.Approver],
        ["POST /api/v1/drafts/{id:guid}/revisions"] = [Roles.Uploader],
        ["GET /api/v1/audit"] = [Roles.Auditor],
        ["GET /api/v1/people/"] = [.. Roles.All],
        ["GET /api/v1/people/{id:guid}"] = [.. Roles.All],
        ["POST /api/v1/people/"] = [Roles.ConsentAdmin],
        ["PATCH /api/v1/people/{id:guid}"] = [Roles.ConsentAdmin],
        ["POST /api/v1/people/{id:guid}/consents"] = [Roles.ConsentAdmin],
        ["POST /api/v1/people/import"] = [Roles.ConsentAdmin],
        ["GET /drafts/{id:guid}/revisions/{revision:int}/images/{position:int}"] = [.. Roles.All],
        ["GET /drafts/{id:guid}/images/{position:int}/redacted-preview"] = [Roles.Approver],
        ["GET /drafts/{id:guid}/revisions/{revision:int}/images/{position:int}/faces/{face:int}/frame"] = [.. Roles.All],
        ["GET /drafts/{id:guid}/media/{position:int}"] = [Roles.Uploader, Roles.Approver],
    };

    internal static IReadOnlyList<(string Method, string Pattern)> DiscoverEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/drafts/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();

    /// <summary>A body the endpoint would accept, so that only the id decides the answer.</summary>
    private static HttpContent? ValidBody(string method, string pattern) => (method, pattern) switch
    {
        ("GET", _) => null,
        (_, "/api/v1/drafts/{id:guid}/revisions" or "/api/v1/drafts") => DraftApi.Multipart(new { text = "Harvest assembly", channels = new[] { "instagram" } }),
        (_, "/api/v1/drafts/{id:guid}/reject") => JsonContent.Create(new { reason = "matrix" }),
        (_, "/api/v1/people/import") => new StringContent("external_id,first_name,last_name\nM1,Ada,Hughes\n", Encoding.UTF8, "text/csv"),
        _ => new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    [Fact]
    public void Every_api_endpoint_is_in_the_matrix()
    {
        var discovered = DiscoverEndpoints(fixture.Factory.Services).Select(e => $"{e.Method} {e.Pattern}").ToHashSet();
        Assert.Empty(discovered.Except(Allowed.Keys));
        Assert.Empty(Allowed.Keys.Except(discovered));
    }

    [Fact]
    public async Task Wrong_role_gets_403_and_another_schools_ids_get_404_on_every_endpoint()
    {
        var ours = await TestSchool.CreateAsync(fixture.Factory);
        var theirs = await TestSchool.CreateAsync(fixture.Factory);
        var draftId = await DraftApi.SubmitAsync(ours.Uploader, new
        {
            text = "Science week",
            channels = new[] { "instagram" },
            images = new[] { new { file = "class.png" } },
        }, ("class.png", File.ReadAllBytes(TestPhotos.ThreeFacesNoGps())));
        await DraftApi.WaitForDecisionAsync(ours.Uploader, draftId);
        var (created, person) = await DraftApi.PostJsonAsync(ours.ConsentAdmin, "/api/v1/people", new { firstName = "Ada", lastName = "Hughes" });
        Assert.Equal(HttpStatusCode.Created, created);
        var personId = (string)person!["id"]!;

        var failures = new List<string>();
        using var anonymousClient = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (method, pattern) in DiscoverEndpoints(fixture.Factory.Services))
        {
            var path = pattern
                .Replace("{id:guid}", pattern.StartsWith("/api/v1/people", StringComparison.Ordinal) ? personId : draftId.ToString(), StringComparison.Ordinal)
                .Replace("{revision:int}", "1", StringComparison.Ordinal)
                .Replace("{position:int}", "0", StringComparison.Ordinal)
                .Replace("{face:int}", "0", StringComparison.Ordinal);
            var allowed = Allowed[$"{method} {pattern}"];
            foreach (var role in Roles.All)
            {
                var client = role switch
                {
                    Roles.Uploader => theirs.Uploader,
                    Roles.Approver => theirs.Approver,
                    Roles.ConsentAdmin => theirs.ConsentAdmin,
                    _ => theirs.Auditor,
                };
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = ValidBody(method, pattern) };
                using var response = await client.SendAsync(request);
                var status = response.StatusCode;
                if (!allowed.Contains(role))
                {
                    if (status != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{role} {method} {pattern}: expected 403, got {(int)status}");
                    }
                }
                else if (pattern.Contains("{id", StringComparison.Ordinal) && status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{role} {method} {pattern} with another school's id: expected 404, got {(int)status}");
                }
                else if (status is HttpStatusCode.InternalServerError or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{role} {method} {pattern}: got {(int)status}");
                }
            }
            // Anonymous: the API answers 401; the pages' image URLs send a browser to sign in.
            using var anonymous = await anonymousClient.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var signInRedirect = anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.Headers.Location?.ToString().Contains("sign-in", StringComparison.OrdinalIgnoreCase) == true;
            if (anonymous.StatusCode != HttpStatusCode.Unauthorized && !(signInRedirect && !pattern.StartsWith("/api/", StringComparison.Ordinal)))
            {
                failures.Add($"anonymous {method} {pattern}: expected 401 (or a sign-in redirect for a page), got {(int)anonymous.StatusCode} {anonymous.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // Our own school still sees its draft: the 404s above were isolation, not breakage.
        var mine = await ours.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{draftId}");
        Assert.Equal("Hold", (string?)mine!["decision"]);
    }
}
