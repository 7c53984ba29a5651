using System.Text.Json;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The shape of a set of real posts labelled blind to measure a round (Corpus/README.md): every line parses, enough
/// posts from sites in none of the earlier sets, no repeated source or text, valid fields and labels, enough posts per
/// rule. It only reads the labels, sources and dates; it never runs a check on the posts, so a blind set stays blind.
/// </summary>
public abstract class RealSetStructureTests(string file, string split, params string[] earlierSets)
{
    private static readonly string[] LabelledRules = ["R6", "R8", "R9", "R10", "R11", "R15", "R16"];

    private readonly IReadOnlyList<RealPost> _posts = RealPost.Load(file);

    [Fact]
    public void Every_line_is_one_post_in_the_real_post_shape()
    {
        var path = CorpusFile.Locate(file);
        var lines = File.ReadAllLines(path).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
        Assert.Equal(lines.Count, _posts.Count);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }
    }

    [Fact]
    public void Set_has_at_least_150_posts_from_sites_in_none_of_the_earlier_sets()
    {
        var earlier = earlierSets.SelectMany(set => RealPost.Load(set))
            .Select(p => p.Host)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(_posts.Count >= 150, $"only {_posts.Count} posts");
        foreach (var post in _posts)
        {
            Assert.False(earlier.Contains(post.Host), $"line {post.Line}: {post.Host} is a site of an earlier set");
        }
    }

    [Fact]
    public void No_source_and_no_text_appears_twice()
    {
        Assert.Equal(_posts.Count, _posts.Select(p => p.Source).Distinct(StringComparer.Ordinal).Count());
        var texts = _posts.GroupBy(p => Normalised(p.Text), StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(p => p.Line)));
        Assert.Empty(texts);
        var earlierTexts = earlierSets.SelectMany(set => RealPost.Load(set))
            .Select(p => Normalised(p.Text))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(_posts, post => Assert.False(earlierTexts.Contains(Normalised(post.Text)), $"line {post.Line}: text is in an earlier set"));
    }

    [Fact]
    public void Every_field_is_valid()
    {
        foreach (var post in _posts)
        {
            var at = $"line {post.Line}";
            Assert.True(post.Split == split, $"{at}: split '{post.Split}'");
            Assert.False(string.IsNullOrWhiteSpace(post.Text), $"{at}: empty text");
            Assert.True(Uri.TryCreate(post.Source, UriKind.Absolute, out var source) && (source.Scheme == "http" || source.Scheme == "https"), $"{at}: source '{post.Source}'");
            Assert.True(post.PublishAt.Year is >= 2000 and <= 2026, $"{at}: publishAt {post.PublishAt}");
            if (post.Published is { } published)
            {
                Assert.True(PublishedDate.IsMatch(published), $"{at}: published '{published}' is not yyyy, yyyy-mm or yyyy-mm-dd");
                Assert.True(post.PublishAt.ToString("yyyy-MM-dd").StartsWith(published[..4], StringComparison.Ordinal), $"{at}: publishAt {post.PublishAt} is not in {published}");
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(post.Notes), $"{at}: no published date and no note explaining the estimate");
            }
            Assert.All(post.ExpectedRules, rule => Assert.Contains(rule, LabelledRules));
            Assert.Equal(post.ExpectedRules.Count, post.ExpectedRules.Distinct(StringComparer.Ordinal).Count());
            Assert.All(post.SchoolPlaces, place => Assert.False(string.IsNullOrWhiteSpace(place), $"{at}: empty school place"));
        }
    }

    [Fact]
    public void Enough_posts_of_each_kind_to_measure_recall_and_precision()
    {
        Assert.True(_posts.Count(p => p.ExpectedRules.Any(r => r is "R6" or "R8" or "R9")) >= 100, "fewer than 100 posts labelled R6, R8 or R9");
        foreach (var rule in new[] { "R6", "R8", "R9" })
        {
            Assert.True(_posts.Count(p => p.ExpectedRules.Contains(rule)) >= 40, $"too few {rule} posts to measure recall");
        }
        Assert.True(_posts.Count(p => p.ExpectedRules.Count == 0) >= 40, "too few clean posts to measure precision");
    }

    private static readonly System.Text.RegularExpressions.Regex PublishedDate = new(@"^\d{4}(-\d{2}(-\d{2})?)?$");

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
