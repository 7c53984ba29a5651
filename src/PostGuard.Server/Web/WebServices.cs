using Microsoft.Extensions.DependencyInjection.Extensions;
using PostGuard.Server.Web.Notifications;

namespace PostGuard.Server.Web;

/// <summary>The web pages and what they use: Razor Pages with antiforgery on every form, the drafts' views, notifications.</summary>
public static class WebServices
{
    public static IServiceCollection AddPostGuardWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Status");
            // The pages that upload: photos (three on a new draft, one more when editing) or a CSV; every other form is small.
            o.Conventions.AddPageApplicationModelConvention("/Drafts/New", page => page.EndpointMetadata.Add(new Hosting.AcceptsBodyAttribute(Hosting.BodyKind.Draft, photos: 3)));
            o.Conventions.AddPageApplicationModelConvention("/Drafts/Edit", page => page.EndpointMetadata.Add(new Hosting.AcceptsBodyAttribute(Hosting.BodyKind.Draft, photos: 1)));
            o.Conventions.AddPageApplicationModelConvention("/People/Import", page => page.EndpointMetadata.Add(new Hosting.AcceptsBodyAttribute(Hosting.BodyKind.Csv)));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "PostGuard.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            // Secure whenever the request was HTTPS (behind a TLS proxy: with ForwardedHeaders). Not "always":
            // antiforgery refuses to work at all over plain HTTP then, and this cookie authenticates nobody.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddScoped<BlockedDraftAnnouncer>();
        services.AddSingleton<DraftList>();
        services.AddSingleton<DraftDetailsLoader>();
        services.AddPostGuardNotifications();
        return services;
    }

    /// <summary>
    /// The notification options and the webhook destination rule, which saving the settings needs too
    /// (the admin verbs build the settings store without the rest of the web).
    /// </summary>
    public static IServiceCollection AddNotificationOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PostGuard.Core.Notifications.WebhookDestinationPolicy)))
        {
            return services;
        }
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new PostGuard.Core.Notifications.WebhookDestinationPolicy(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.AllowedNetworks()));
        return services;
    }

    /// <summary>Notification sending; also needed by workers, whose consumer notifies the approver.</summary>
    public static IServiceCollection AddPostGuardNotifications(this IServiceCollection services)
    {
        services.AddNotificationOptions();
        if (services.Any(d => d.ServiceType == typeof(WebhookSender)))
        {
            return services; // both the pages and the workers add notifications in role "all"
        }
        services.AddWebhookClient();
        services.AddSingleton<WebhookSender>();
        services.TryAddSingleton<EmailSender>();
        services.TryAddSingleton<ApproverNotifier>();
        return services;
    }
}
