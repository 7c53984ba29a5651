using System.Security.Cryptography;
using System.Text.Json;

namespace PostGuard.Core.Checks.Text.Learned;

/// <summary>
/// The labelled real posts a learned text model is trained on: the first twelve sets of the corpus
/// (tests/PostGuard.Core.Tests/Checks/Text/Corpus), in this order, and the SHA-256 of their bytes, which the model's
/// record keeps so a model can be traced to the exact data it was trained from. The thirteenth and later sets are
/// left out: they measured the model blind.
/// </summary>
public static class TrainingCorpus
{
    public static readonly IReadOnlyList<string> Files =
    [
        "real-posts.jsonl", "real-posts-round2.jsonl", "real-posts-round3.jsonl", "real-posts-round4.jsonl", "real-posts-round5.jsonl",
        "real-posts-round6.jsonl", "real-posts-round7.jsonl", "real-posts-round8.jsonl", "real-posts-round9.jsonl", "real-posts-round10.jsonl",
        "real-posts-round11.jsonl", "real-posts-round12.jsonl",
    ];

    /// <summary>The corpus directory under a source checkout's root.</summary>
    public static string Directory(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "PostGuard.Core.Tests", "Checks", "Text", "Corpus");

    /// <summary>SHA-256 (lower-case hex) of the training files' bytes, one after another in <see cref="Files"/> order.</summary>
    public static string Sha256(string corpusDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            hash.AppendData(File.ReadAllBytes(Path.Combine(corpusDirectory, file)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every post's text and whether it is labelled with <paramref name="rule"/>, as the model is trained on them.</summary>
    public static IReadOnlyList<NGramTextModel.Example> Examples(string corpusDirectory, string rule)
    {
        var examples = new List<NGramTextModel.Example>();
        foreach (var file in Files)
        {
            foreach (var line in File.ReadLines(Path.Combine(corpusDirectory, file)))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                using var post = JsonDocument.Parse(line);
                var labels = post.RootElement.GetProperty("expectedRules").EnumerateArray().Select(r => r.GetString());
                examples.Add(new NGramTextModel.Example { Text = post.RootElement.GetProperty("text").GetString() ?? "", Label = labels.Contains(rule) });
            }
        }
        return examples;
    }
}
