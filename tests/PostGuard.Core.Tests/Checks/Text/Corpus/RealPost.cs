using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// One line of real-posts.jsonl: a real, public school post (news page, class or residential blog,
/// newsletter, local-paper school item) as published, with its source and the rules a careful
/// reviewer says it breaks. The labelling conventions are in Corpus/README.md.
/// </summary>
public sealed record RealPost
{
    public required string Text { get; init; }

    /// <summary>Where the post was published, so overlaps with other evaluation sets can be found.</summary>
    public required string Source { get; init; }

    /// <summary>The publish date as the page gives it (yyyy-mm-dd, yyyy-mm or yyyy), or null.</summary>
    public string? Published { get; init; }

    /// <summary>The publish time the checks are run at: the page's date and time, else the labeller's estimate (see README).</summary>
    public required DateTimeOffset PublishAt { get; init; }

    /// <summary>"dev" or "blind", fixed by <see cref="SplitOf"/> before any check was run on the posts.</summary>
    public required string Split { get; init; }

    public IReadOnlyList<string> ExpectedRules { get; init; } = [];

    /// <summary>The school's own town, site and street: allowed places in its policy (R9).</summary>
    public IReadOnlyList<string> SchoolPlaces { get; init; } = [];

    public string Notes { get; init; } = "";

    [JsonIgnore]
    public int Line { get; init; }

    [JsonIgnore]
    public bool IsBlind => Split == "blind";

    /// <summary>The source's host without "www.", lower case: the unit of the split and the school's own link domain.</summary>
    [JsonIgnore]
    public string Host => HostOf(Source);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static string HostOf(string source)
    {
        var host = new Uri(source).Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>
    /// The split rule, decided before any result was seen: blind when the first byte of the
    /// SHA-256 of the source's host is odd, else dev. One school's posts stay on one side.
    /// </summary>
    public static string SplitOf(string source) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(HostOf(source)))[0] % 2 == 1 ? "blind" : "dev";

    /// <summary>The first set (real-posts.jsonl), split into dev and blind by <see cref="SplitOf"/>.</summary>
    public const string FirstSet = "real-posts.jsonl";

    /// <summary>The second set, from sites not in the first, all "round2": blind when first measured (Corpus/README.md).</summary>
    public const string SecondSet = "real-posts-round2.jsonl";

    /// <summary>The third set, from sites in neither earlier set, all "round3": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string ThirdSet = "real-posts-round3.jsonl";

    /// <summary>The fourth set, from sites in none of the three earlier sets, all "round4": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string FourthSet = "real-posts-round4.jsonl";

    /// <summary>The fifth set, from sites in none of the four earlier sets, all "round5": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string FifthSet = "real-posts-round5.jsonl";

    /// <summary>The sixth set, from sites in none of the five earlier sets, all "round6": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string SixthSet = "real-posts-round6.jsonl";

    /// <summary>The seventh set, from sites in none of the six earlier sets, all "round7": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string SeventhSet = "real-posts-round7.jsonl";

    /// <summary>The eighth set, from sites in none of the seven earlier sets, all "round8": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string EighthSet = "real-posts-round8.jsonl";

    /// <summary>The ninth set, from sites in none of the eight earlier sets, all "round9": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string NinthSet = "real-posts-round9.jsonl";

    /// <summary>The tenth set, from sites in none of the nine earlier sets, all "round10": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string TenthSet = "real-posts-round10.jsonl";

    /// <summary>The eleventh set, from sites in none of the ten earlier sets, all "round11": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string EleventhSet = "real-posts-round11.jsonl";

    /// <summary>The twelfth set, from sites in none of the eleven earlier sets, all "round12": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string TwelfthSet = "real-posts-round12.jsonl";

    /// <summary>The thirteenth set, from sites in none of the twelve earlier sets, all "round13": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string ThirteenthSet = "real-posts-round13.jsonl";

    /// <summary>The fourteenth set, from sites in none of the thirteen earlier sets, all "round14": labelled and committed before any check ran on it (Corpus/README.md).</summary>
    public const string FourteenthSet = "real-posts-round14.jsonl";

    public static IReadOnlyList<RealPost> Load(string file = FirstSet)
    {
        var path = CorpusFile.Locate(file);
        var posts = new List<RealPost>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var post = JsonSerializer.Deserialize<RealPost>(text, Json) ?? throw new InvalidDataException($"{path}:{line}: empty");
            posts.Add(post with { Line = line });
        }
        return posts;
    }
}
