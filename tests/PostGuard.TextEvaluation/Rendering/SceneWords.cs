namespace PostGuard.TextEvaluation.Rendering;

/// <summary>
/// The words the scenes are made of: pupils' names (all of them in <see cref="Register"/>, so a name read correctly
/// is a register match), staff, places, and phone numbers from Ofcom's ranges kept for drama (never anyone's number).
/// </summary>
public static class SceneWords
{
    public static readonly string[] FirstNames =
    [
        "Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Freya", "Arthur", "Poppy", "Oscar", "Evie", "Theo", "Florence", "Harry",
        "Willow", "Jack", "Rosie", "George", "Ivy", "Charlie", "Sophia", "Alfie", "Lily", "Finley", "Grace", "Henry", "Daisy", "Archie",
        "Maisie", "Jacob", "Phoebe", "Reuben", "Matilda", "Samuel", "Esme", "Joshua", "Imogen", "Thomas", "Harriet", "Zara",
    ];

    public static readonly string[] LastNames =
    [
        "Hughes", "Patel", "Williams", "Okafor", "Robinson", "Campbell", "Morgan", "Fletcher", "Ahmed", "Kowalski", "Thompson", "Griffiths",
        "Nguyen", "Bennett", "Harrison", "Clarke", "Edwards", "Murphy", "Chapman", "Lawrence", "Sullivan", "Marshall", "Hussain", "Barker",
        "Douglas", "Spencer", "Whitfield", "Holloway", "Pritchard", "Mensah",
    ];

    /// <summary>Places a trip or a venue sign names (in the gazetteer the location check uses).</summary>
    public static readonly string[] Places = ["Chester", "Manchester", "Liverpool", "Birmingham", "Bristol", "Canterbury", "Brighton", "Oxford", "Leeds", "Sheffield", "York", "Cardiff"];

    public static readonly string[] Awards =
    [
        "Star of the Week", "Certificate of Achievement", "Headteacher's Award", "Reading Champion", "Super Speller", "Kindness Award", "Writer of the Week",
    ];

    public static readonly string[] AwardReasons =
    [
        "for fantastic writing", "for always being kind", "for brilliant effort in maths", "for reading every night", "for a super science project",
        "for helping others", "for excellent listening",
    ];

    public static readonly string[] BoardTitles = ["Our Amazing Writers", "Super Scientists", "Star Readers", "Our Class Artists", "Maths Champions"];

    public static readonly string[] Companies = ["Hughes Travel", "Redwood Coaches", "Castle Coaches", "Valley Tours", "Bluebird Travel"];

    /// <summary>A UK phone number from the ranges Ofcom keeps for drama: 01632 960xxx, 0113 496 0xxx, 07700 900xxx.</summary>
    public static string Phone(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(3) switch
        {
            0 => $"01632 960{random.Next(0, 1000):000}",
            1 => $"0113 496 0{random.Next(0, 1000):000}",
            _ => $"07700 900{random.Next(0, 1000):000}",
        };
    }

    /// <summary>The register of pupils the scenes name: every first name with a surname, as the evaluation's register CSV.</summary>
    public static string RegisterCsv()
    {
        var lines = new List<string> { "external_id,kind,first_name,last_name,known_as,year_group,use,status,given_by,evidence,signed_on,valid_from,valid_until" };
        for (var i = 0; i < FirstNames.Length; i++)
        {
            lines.Add($"P{i + 1:000},pupil,{FirstNames[i]},{LastNames[i % LastNames.Length]},,Year 4,social-media,granted,Parent,Form {i + 1},2026-09-01,2026-09-01,2027-08-31");
        }
        return string.Join('\n', lines) + '\n';
    }

    /// <summary>The surname the register gives a first name.</summary>
    public static string LastNameOf(string firstName) => LastNames[Array.IndexOf(FirstNames, firstName) % LastNames.Length];
}
