using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>One line of posts.jsonl: a realistic school post and the rules a careful reviewer says it breaks.</summary>
public sealed record LabelledPost
{
    public required string Text { get; init; }
    public required DateTimeOffset PublishAt { get; init; }
    public bool WithPhotos { get; init; }
    public IReadOnlyList<string> ExpectedRules { get; init; } = [];
    public string Notes { get; init; } = "";
    /// <summary>Register names the post mentions, as written: register-name recall is measured on these.</summary>
    public IReadOnlyList<string> RegisterNames { get; init; } = [];
    /// <summary>consent-based (default) or strict.</summary>
    public string? Preset { get; init; }
    /// <summary>
    /// "holdout": written blind after the checks were tuned and never used to tune them. Anything else
    /// (none, "round2") is development data the checks were tuned on: round 2 was itself a held-out set
    /// when first measured, then its misses were fixed, so a fresh held-out set was written.
    /// </summary>
    public string? Split { get; init; }

    [JsonIgnore]
    public bool IsHoldout => Split == "holdout";

    [JsonIgnore]
    public int Line { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static IReadOnlyList<LabelledPost> Load()
    {
        var path = CorpusFile.Locate("posts.jsonl");
        var posts = new List<LabelledPost>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var post = JsonSerializer.Deserialize<LabelledPost>(text, Json) ?? throw new InvalidDataException($"{path}:{line}: empty");
            posts.Add(post with { Line = line });
        }
        return posts;
    }
}
