using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Checks.Text.Confidential;
using PostGuard.Core.Checks.Text.Language;
using PostGuard.Core.Checks.Text.Links;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.PersonalData;
using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;
using PostGuard.Vision.Assets;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>The real text checks over the real fetched lexicons, loaded once for all text tests.</summary>
public static class TextChecks
{
    private static readonly Lazy<Loaded> Instance = new(() =>
    {
        var assets = AssetDirectory.Locate();
        var lexicon = FirstNameLexicon.Load(assets);
        var gazetteer = Gazetteer.Load(assets);
        var lexicons = new TextLexicons(lexicon, gazetteer);
        var names = new PersonNameFinder(lexicons);
        var locations = new LocationFinder(lexicons);
        return new Loaded(lexicon, gazetteer, names, locations,
        [
            new NamesCheck(names),
            new LocationsCheck(locations, names),
            new TripTimingCheck(locations, names),
            new PersonalDataCheck(names, locations),
            new LanguageCheck(),
            new LinksCheck(),
            new ConfidentialCheck(),
        ]);
    });

    public static FirstNameLexicon Lexicon => Instance.Value.Lexicon;
    public static Gazetteer Gazetteer => Instance.Value.Gazetteer;
    public static PersonNameFinder Names => Instance.Value.Names;
    public static LocationFinder Locations => Instance.Value.Locations;
    public static IReadOnlyList<IDraftCheck> All => Instance.Value.Checks;

    public static T Get<T>() where T : IDraftCheck => All.OfType<T>().Single();

    /// <summary>A small school register: pupils and staff the tests and the corpus refer to.</summary>
    public static readonly PeopleRegister Register = new(
    [
        Pupil("Amelia", "Hughes"),
        Pupil("Oliver", "Bennett", "Ollie"),
        Pupil("Grace", "Okafor"),
        Pupil("Will", "Summers"),
        Pupil("Isla", "McKenzie"),
        Pupil("Harry", "Patel"),
        Pupil("Mia", "Kowalski"),
        Pupil("Noah", "Fitzgerald"),
        Pupil("Zara", "Ahmed"),
        Pupil("Freddie", "Thompson"),
        Pupil("Poppy", "Sinclair"),
        Pupil("Leo", "Nowak"),
        Pupil("Aisha", "Begum"),
        Pupil("Jack", "Wilkinson"),
        Pupil("May", "Chen"),
        Pupil("Evie", "Robinson"),
        Pupil("Theo", "Marsh"),
        Pupil("Sophie", "Lambert"),
        Pupil("Arjun", "Sharma"),
        Pupil("Ruby", "Hollis"),
        Pupil("Finley", "Doherty"),
        Pupil("Hope", "Adeyemi"),
        Staff("Priya", "Patel"),
        Staff("Cheryl", "Chalkley"),
        Staff("Leah", "Benjamin"),
        Staff("Daniel", "Crowther"),
        Staff("Lindsay", "Wheeler"),
    ]);

    public static Person Pupil(string first, string last, string? knownAs = null) => new(Guid.NewGuid(), PersonKind.Pupil, first, last, knownAs);

    public static Person Staff(string first, string last) => new(Guid.NewGuid(), PersonKind.Staff, first, last);

    /// <summary>Friday 12 June 2026, 10:00 London time (09:00 UTC).</summary>
    public static readonly DateTimeOffset FridayMorning = new(2026, 6, 12, 9, 0, 0, TimeSpan.Zero);

    public static DraftUnderCheck Draft(string text, DateTimeOffset? publishAt = null, bool withPhotos = false, SchoolPolicy? policy = null, PeopleRegister? people = null, IReadOnlyList<ImageUnderCheck>? images = null) => new()
    {
        Text = text,
        Channels = [Channels.Facebook],
        PublishAt = publishAt ?? FridayMorning,
        AnalysedAt = FridayMorning,
        Policy = policy ?? PolicyPresets.CreateConsentBased(),
        People = people ?? Register,
        Images = images ?? (withPhotos ? [Photo(0)] : []),
    };

    public static ImageUnderCheck Photo(int index, DateTimeOffset? capturedAt = null, double? latitude = null, double? longitude = null) => new()
    {
        Index = index,
        FileName = $"photo{index + 1}.jpg",
        Content = new byte[] { 1, 2, 3 },
        Report = new ImageReport { Index = index, FileName = $"photo{index + 1}.jpg", Width = 1200, Height = 800, CapturedAt = capturedAt, GpsLatitude = latitude, GpsLongitude = longitude },
    };

    public static async Task<IReadOnlyList<Finding>> Run<T>(DraftUnderCheck draft) where T : IDraftCheck =>
        await Get<T>().RunAsync(draft, CancellationToken.None);

    public static async Task<IReadOnlyList<Finding>> RunAll(DraftUnderCheck draft)
    {
        var findings = new List<Finding>();
        foreach (var check in All)
        {
            findings.AddRange(await check.RunAsync(draft, CancellationToken.None));
        }
        return findings;
    }

    public static string SpanText(Finding finding) => finding.Evidence!["span"]!["text"]!.GetValue<string>();

    private sealed record Loaded(FirstNameLexicon Lexicon, Gazetteer Gazetteer, PersonNameFinder Names, LocationFinder Locations, IReadOnlyList<IDraftCheck> Checks);
}
