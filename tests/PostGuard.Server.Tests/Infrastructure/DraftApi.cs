using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Calls the draft API the way an uploader's client does: multipart with a "draft" JSON part and file parts.</summary>
public static class DraftApi
{
    public static MultipartFormDataContent Multipart(object draft, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(draft), System.Text.Encoding.UTF8, "application/json"), "draft" },
        };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, name, name);
        }
        return content;
    }

    public static async Task<Guid> SubmitAsync(HttpClient client, object draft, params (string Name, byte[] Content)[] files)
    {
        using var response = await client.PostAsync("/api/v1/drafts", Multipart(draft, files));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        Assert.Equal("Submitted", (string?)json["status"]);
        Assert.Equal(1, (int)json["revision"]!);
        return Guid.Parse((string)json["id"]!);
    }

    /// <summary>Polls until the draft is decided (the worker is asynchronous).</summary>
    public static async Task<JsonNode> WaitForDecisionAsync(HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{id}");
            if ((string?)last!["status"] == "Decided")
            {
                return last;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Draft {id} was not decided in time; last seen: {last?.ToJsonString()}");
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }
}
