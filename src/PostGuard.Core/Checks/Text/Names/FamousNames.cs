using System.Reflection;
using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// People and characters a school post names who are nobody's pupils (famous-names.txt, embedded): public and historical
/// figures, authors, artists, athletes, characters of stories and plays, and places and works named after a person
/// ("Florence Nightingale", "Carol Ann Duffy", "Romeo and Juliet", "Checkpoint Charlie", "Ben Nevis").
/// </summary>
public static class FamousNames
{
    private const string Resource = "PostGuard.Core.Checks.Text.Names.famous-names.txt";

    /// <summary>The names by their first word, longest first.</summary>
    private static readonly Dictionary<string, string[][]> ByFirstWord = Load();

    /// <summary>How many tokens from <paramref name="i"/> on spell a famous name (the longest that matches), or 0.</summary>
    public static int LengthAt(IReadOnlyList<Token> tokens, int i)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (i < 0 || i >= tokens.Count || !ByFirstWord.TryGetValue(tokens[i].Lower, out var names))
        {
            return 0;
        }
        foreach (var words in names)
        {
            if (Matches(tokens, i, words))
            {
                return words.Length;
            }
        }
        return 0;
    }

    /// <summary>True when the tokens from <paramref name="i"/> on are the words, each joined to the one before by a space or a hyphen.</summary>
    private static bool Matches(IReadOnlyList<Token> tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Count)
        {
            return false;
        }
        for (var k = 1; k < words.Length; k++)
        {
            var token = tokens[i + k];
            if (!(token.JoinedBySpace || token.JoinedByHyphen) || token.Lower != words[k])
            {
                return false;
            }
        }
        return true;
    }

    private static Dictionary<string, string[][]> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded list {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var names = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                names.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return names.GroupBy(n => n[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ToArray(), StringComparer.Ordinal);
    }
}
