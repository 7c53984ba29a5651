using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>The real text checks over the real fetched lexicons, loaded once for all text tests.</summary>
public static class TextChecks
{
    /// <summary>The checks exactly as the service registers them (<see cref="TextChecksRegistration.AddTextChecks"/>).</summary>
    private static readonly Lazy<ServiceProvider> Services = new(() => new ServiceCollection().AddTextChecks(assetsRoot: null).BuildServiceProvider());

    public static FirstNameLexicon Lexicon => Services.Value.GetRequiredService<FirstNameLexicon>();
    public static Gazetteer Gazetteer => Services.Value.GetRequiredService<Gazetteer>();
    public static PersonNameFinder Names => Services.Value.GetRequiredService<PersonNameFinder>();
    public static LocationFinder Locations => Services.Value.GetRequiredService<LocationFinder>();
    public static IReadOnlyList<IDraftCheck> All => [.. Services.Value.GetServices<IDraftCheck>()];

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

}
