using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Checks.Text.Learned;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;

namespace PostGuard.Core.Tests.Checks.Text;

public sealed class TextChecksRegistrationTests
{
    [Fact]
    public void AddTextChecks_registers_eight_checks_and_the_lexicons_as_singletons()
    {
        var services = new ServiceCollection().AddTextChecks(null);
        var checks = services.Where(d => d.ServiceType == typeof(IDraftCheck)).ToList();
        Assert.Equal(8, checks.Count);
        // The learned places check reads the post's text only: it is no member of the set run over the words in photos.
        using var provider = services.BuildServiceProvider();
        Assert.DoesNotContain(provider.GetRequiredService<TextCheckSet>().Checks, c => c is LearnedPlacesCheck);
        Assert.Contains(provider.GetServices<IDraftCheck>(), c => c is LearnedPlacesCheck);
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        Assert.Contains(services, d => d.ServiceType == typeof(FirstNameLexicon));
        Assert.Contains(services, d => d.ServiceType == typeof(Gazetteer));
    }

    [Fact]
    public async Task Missing_lexicons_make_the_check_fail_so_the_analyser_holds_the_draft()
    {
        var missing = new TextLexicons(Path.Combine(Path.GetTempPath(), $"no-models-{Guid.NewGuid():N}"));
        var check = new NamesCheck(new PersonNameFinder(missing));
        await Assert.ThrowsAnyAsync<IOException>(async () => await check.RunAsync(TextChecks.Draft("Well done to Amelia!"), CancellationToken.None));
    }

    [Fact]
    public void Every_text_check_has_a_distinct_name()
    {
        var names = TextChecks.All.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("text-", n, StringComparison.Ordinal));
    }

    [Fact]
    public void The_lexicons_are_loaded_from_the_fetched_assets()
    {
        Assert.True(TextChecks.Lexicon.Count > 5000);
        Assert.True(TextChecks.Lexicon.Contains("Amelia"));
        Assert.True(TextChecks.Gazetteer.Count > 3000);
    }
}
