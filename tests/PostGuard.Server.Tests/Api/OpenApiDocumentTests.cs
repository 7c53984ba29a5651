using System.Net;
using System.Text.Json.Nodes;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Server.Tests.Security;

namespace PostGuard.Server.Tests.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json describes every /api/v1 endpoint of the route table (a new
/// endpoint without its summary, typed answer and problems fails here), and the draft submission's
/// multipart body with its three forms of tag.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteInMemoryFixture fixture) : IClassFixture<SqliteInMemoryFixture>
{
    private async Task<JsonNode> FetchDocumentAsync()
    {
        using var anonymous = fixture.Factory.CreateClient();
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no sign-in: it holds the API's shape, no school's data
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>"/api/v1/drafts/{id:guid}" → "/api/v1/drafts/{id}"; "/api/v1/people/" → "/api/v1/people".</summary>
    private static string DocumentPath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');

    [Fact]
    public async Task Every_api_endpoint_is_described_with_its_answers()
    {
        var document = await FetchDocumentAsync();
        var paths = document["paths"]!.AsObject();
        var endpoints = EndpointMatrixTests.DiscoverEndpoints(fixture.Factory.Services).Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();
        Assert.True(endpoints.Count >= 17, $"only {endpoints.Count} endpoints found");
        var failures = new List<string>();
        foreach (var (method, pattern) in endpoints)
        {
            var path = DocumentPath(pattern);
            var operation = paths[path]?[method.ToLowerInvariant()];
            if (operation is null)
            {
                failures.Add($"{method} {pattern}: not in the document");
                continue;
            }
            if (string.IsNullOrWhiteSpace((string?)operation["summary"]))
            {
                failures.Add($"{method} {pattern}: no summary");
            }
            if (!((string?)operation["description"] ?? "").Contains("Roles:", StringComparison.Ordinal))
            {
                failures.Add($"{method} {pattern}: does not say who may call it");
            }
            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count != 1 || success[0].Value?["content"]?.AsObject().FirstOrDefault().Value?["schema"] is null)
            {
                failures.Add($"{method} {pattern}: no typed success answer ({string.Join(", ", responses.Select(r => r.Key))})");
            }
            var expected = new List<string> { "401", "403", "500", "503" };
            if (pattern.Contains("{id", StringComparison.Ordinal))
            {
                expected.Add("404");
            }
            if (method is "POST" or "PATCH")
            {
                expected.Add("400");
                if (operation["requestBody"]?["content"]?.AsObject().Count is null or 0)
                {
                    failures.Add($"{method} {pattern}: no request body described");
                }
            }
            foreach (var status in expected.Where(s => responses[s]?["content"]?["application/problem+json"] is null))
            {
                failures.Add($"{method} {pattern}: no {status} problem");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // Nothing else: not the pages, their image URLs or the health probes.
        var documented = paths.SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}")).ToHashSet();
        Assert.Equal(endpoints.Select(e => $"{e.Method} {DocumentPath(e.Pattern)}").ToHashSet(), documented);
    }

    [Fact]
    public async Task Answers_name_their_types_and_every_call_needs_a_bearer_token()
    {
        var document = await FetchDocumentAsync();
        Assert.Equal("#/components/schemas/DraftView", (string?)document["paths"]!["/api/v1/drafts/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/DraftAccepted", (string?)document["paths"]!["/api/v1/drafts"]!["post"]!["responses"]!["202"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        var media = document["paths"]!["/api/v1/drafts/{id}/media/{position}"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        Assert.Equal(["image/jpeg", "video/mp4", "video/webm"], media.Select(c => c.Key)); // a photo, or a clip re-muxed
        var schemas = document["components"]!["schemas"]!;
        Assert.Contains("Submitted", schemas["DraftStatus"]!["enum"]!.AsArray().Select(v => (string?)v)); // enums by name, as the API writes them
        Assert.Equal("integer", (string?)schemas["DraftAccepted"]!["properties"]!["revision"]!["type"]);
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]);
        Assert.NotNull(document["security"]![0]!["Bearer"]);
    }

    [Fact]
    public async Task The_draft_submission_is_described_as_multipart_with_the_three_forms_of_tag()
    {
        var document = await FetchDocumentAsync();
        foreach (var path in new[] { "/api/v1/drafts", "/api/v1/drafts/{id}/revisions" })
        {
            var body = document["paths"]![path]!["post"]!["requestBody"]!;
            Assert.True((bool?)body["required"]);
            var multipart = body["content"]!["multipart/form-data"]!;
            Assert.Equal("application/json", (string?)multipart["encoding"]!["draft"]!["contentType"]);
            var schema = multipart["schema"]!;
            Assert.Equal(["draft"], schema["required"]!.AsArray().Select(v => (string?)v));
            Assert.Equal("binary", (string?)schema["additionalProperties"]!["format"]); // one file part per photo
            var draft = schema["properties"]!["draft"]!["properties"]!;
            Assert.NotNull(draft["text"]);
            Assert.NotNull(draft["channels"]);
            var tag = draft["images"]!["items"]!["properties"]!["tags"]!["items"]!;
            var forms = tag["oneOf"]!.AsArray();
            Assert.Equal(2, forms.Count);
            Assert.Equal("string", (string?)forms[0]!["type"]); // a plain person id
            Assert.Equal("uuid", (string?)forms[0]!["format"]);
            Assert.Equal("object", (string?)forms[1]!["type"]); // {person, face: N} or {person, face: null}
            Assert.Equal(["person"], forms[1]!["required"]!.AsArray().Select(v => (string?)v));
            var faceTypes = forms[1]!["properties"]!["face"]!["type"]!.AsArray().Select(v => (string?)v).Order().ToList();
            Assert.Equal(["integer", "null"], faceTypes);
            Assert.Contains("face\": null", (string?)forms[1]!["description"], StringComparison.Ordinal);
        }
    }
}
