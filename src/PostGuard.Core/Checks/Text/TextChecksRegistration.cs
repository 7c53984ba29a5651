using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Checks.Text.Confidential;
using PostGuard.Core.Checks.Text.Learned;
using PostGuard.Core.Checks.Text.Language;
using PostGuard.Core.Checks.Text.Links;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.PersonalData;
using PostGuard.Core.Checks.Text.TripTiming;

namespace PostGuard.Core.Checks.Text;

/// <summary>Registers the text checks (R6–R11, R15, R16), their lexicons and the learned places model, each loaded once.</summary>
public static class TextChecksRegistration
{
    /// <param name="assetsRoot">The models directory (configuration Assets:Root); null finds it above the application.</param>
    public static IServiceCollection AddTextChecks(this IServiceCollection services, string? assetsRoot)
    {
        services.AddSingleton(new TextLexicons(assetsRoot));
        services.AddSingleton(sp => sp.GetRequiredService<TextLexicons>().FirstNames);
        services.AddSingleton(sp => sp.GetRequiredService<TextLexicons>().Gazetteer);
        services.AddSingleton<PersonNameFinder>();
        services.AddSingleton<LocationFinder>();
        // The same instances check the post's text (as draft checks) and the words read in its photos (TextCheckSet).
        Type[] checks = [typeof(NamesCheck), typeof(LocationsCheck), typeof(TripTimingCheck), typeof(PersonalDataCheck), typeof(LanguageCheck), typeof(LinksCheck), typeof(ConfidentialCheck)];
        foreach (var check in checks)
        {
            services.AddSingleton(check);
            services.AddSingleton(typeof(IDraftCheck), sp => sp.GetRequiredService(check));
        }
        services.AddSingleton(sp => new TextCheckSet([.. checks.Select(c => (IDraftCheck)sp.GetRequiredService(c))]));
        // The learned reading of places checks the post's text only: it was trained on posts, not on words read in photos.
        services.AddSingleton(new LearnedTextModels(assetsRoot));
        services.AddSingleton<LearnedPlacesCheck>();
        services.AddSingleton<IDraftCheck>(sp => sp.GetRequiredService<LearnedPlacesCheck>());
        return services;
    }
}
