using System.Text.Json;

namespace PostGuard.Benchmarks.Text;

/// <summary>A real post from the text corpus (tests/PostGuard.Core.Tests/Checks/Text/Corpus/real-posts.jsonl) for the text benchmark.</summary>
public static class RealPostText
{
    /// <summary>The longest post labelled as a live trip (R8) in the corpus.</summary>
    public static string Longest()
    {
        var relative = Path.Combine("tests", "PostGuard.Core.Tests", "Checks", "Text", "Corpus", "real-posts.jsonl");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path))
            {
                return File.ReadLines(path)
                    .Select(line => JsonDocument.Parse(line).RootElement)
                    .Where(post => post.GetProperty("expectedRules").EnumerateArray().Any(r => r.GetString() == "R8"))
                    .Select(post => post.GetProperty("text").GetString() ?? "")
                    .MaxBy(text => text.Length) ?? throw new InvalidDataException($"{path}: no R8 post");
            }
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
