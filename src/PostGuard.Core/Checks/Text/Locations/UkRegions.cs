using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.Locations;

/// <summary>
/// Places the town gazetteer does not hold: UK counties, regions and national parks, the nations
/// (which count only as where someone goes: "crossed the hills into Wales", not "represent England"),
/// and activity-centre operators and sites that school residentials name ("PGL Liddington",
/// "Kingswood", "Robinwood", "Condover").
/// </summary>
public static class UkRegions
{
    /// <summary>Counties, regions and national parks, lower case, as word sequences.</summary>
    public static readonly IReadOnlyList<string[]> Regions = Words("""
        bedfordshire|berkshire|buckinghamshire|cambridgeshire|cheshire|cornwall|cumbria|derbyshire|devon|dorset|durham|essex|gloucestershire
        hampshire|herefordshire|hertfordshire|kent|lancashire|leicestershire|lincolnshire|merseyside|norfolk|northamptonshire|northumberland
        nottinghamshire|oxfordshire|rutland|shropshire|somerset|staffordshire|suffolk|surrey|sussex|east sussex|west sussex|warwickshire
        wiltshire|worcestershire|yorkshire|north yorkshire|west yorkshire|south yorkshire|east yorkshire|isle of wight|isle of man|anglesey
        brecons|pembrokeshire|ceredigion|carmarthenshire|gwynedd|powys|conwy|denbighshire|flintshire|monmouthshire|glamorgan|snowdonia|eryri
        brecon beacons|gower|highlands|cairngorms|argyll|fife|perthshire|aberdeenshire|ayrshire|lanarkshire|dumfries and galloway
        lake district|peak district|yorkshire dales|dartmoor|exmoor|new forest|snowdon|ben nevis|scafell pike|helvellyn|pen y fan
        south downs|north downs|cotswolds|chilterns|jurassic coast|north wales|south wales|mid wales
        west wales|norfolk broads|county durham|tyne and wear|teesside|west midlands|east midlands|east anglia
        south coast|north east|north west|south west|south east|cotswold|dales|pentland hills|pentlands
        """);

    /// <summary>Regions written with "the" and in lower case ("the south coast"): a region only after "in/to the".</summary>
    public static readonly WordSet NeedArticle = new("south north east west midlands highlands dales fens broads pentlands cotswolds chilterns");

    /// <summary>Nations: location data only after a word of going or being somewhere.</summary>
    public static readonly WordSet Nations = new("england wales scotland ireland britain");

    /// <summary>Activity-centre operators and their sites: where a residential is.</summary>
    public static readonly WordSet Operators = new("pgl kingswood robinwood condover jca liddington osmington boreatton caythorpe bawdsey");

    private static List<string[]> Words(string text) =>
        [.. text.Split(['|', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)).OrderByDescending(r => r.Length)];

    /// <summary>The longest region starting at token <paramref name="i"/>; returns its last token or -1.</summary>
    private static readonly Dictionary<string, string[][]> ByFirstWord = Regions.GroupBy(r => r[0], StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

    public static int RegionAt(TextDocument document, int i)
    {
        if (!ByFirstWord.TryGetValue(document.Tokens[i].Stem, out var candidates))
        {
            return -1;
        }
        foreach (var region in candidates)
        {
            var ok = true;
            for (var k = 0; k < region.Length && ok; k++)
            {
                ok = document.At(i + k) is { } token && string.Equals(token.Stem, region[k], StringComparison.OrdinalIgnoreCase)
                    && (k == 0 || token.JoinedBySpace) && (region[k] is "of" or "and" || token.IsCapitalised || k == 0 || NeedArticle.Contains(region[0]));
            }
            if (ok)
            {
                return i + region.Length - 1;
            }
        }
        return -1;
    }
}
