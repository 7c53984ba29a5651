namespace PostGuard.Core.Checks.Text.Locations;

public enum LocationKind
{
    /// <summary>A UK town or city from the gazetteer: "Canterbury".</summary>
    Place,
    /// <summary>A named venue: "Colchester Zoo", "Dover Castle", "Museum of London".</summary>
    NamedVenue,
    /// <summary>"12 Station Road", "on Church Lane".</summary>
    StreetAddress,
    Postcode,
    /// <summary>what3words-style "///filled.count.soap".</summary>
    WordGridAddress,
    /// <summary>Ordnance Survey grid reference: "TQ 305 805".</summary>
    GridReference,
    /// <summary>"the zoo", "the beach": not a location by itself, but it puts children off site (R8).</summary>
    GenericVenue,
}

/// <summary>A place found in the text; <see cref="Allowed"/> when it is the school's own public address or town.</summary>
public sealed record LocationMention(LocationKind Kind, int Start, int Length, string Text, bool Allowed)
{
    /// <summary>Reported under R9 (generic venues and allowed places are not).</summary>
    public bool IsLocationData => Kind != LocationKind.GenericVenue && !Allowed;
}
