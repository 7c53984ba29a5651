namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// The recogniser's characters: class 0 is CTC's blank, class i (1-based) is line i of the keys file
/// (ppocr_keys_v1.txt: 6,623 characters, no trailing newline), and the last class is a space.
/// </summary>
public sealed class RecognitionAlphabet
{
    private readonly string[] _characters;

    private RecognitionAlphabet(string[] characters)
    {
        _characters = characters;
    }

    /// <summary>Classes the recogniser outputs: blank + characters + space.</summary>
    public int ClassCount => _characters.Length + 1;

    /// <summary>The character of output class <paramref name="index"/> (1 … ClassCount − 1).</summary>
    public string this[int index] => _characters[index - 1];

    public static RecognitionAlphabet Load(string keysPath)
    {
        var text = File.ReadAllText(keysPath);
        var lines = text.Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }
        var characters = lines.Select(l => l.TrimEnd('\r')).Append(" ").ToArray();
        if (characters.Length < 2 || characters.Any(c => c.Length == 0))
        {
            throw new InvalidDataException($"{Path.GetFileName(keysPath)} is not a recogniser alphabet: expected one character per line.");
        }
        return new RecognitionAlphabet(characters);
    }
}
