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
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "PostGuard.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddScoped<BlockedDraftAnnouncer>();
        services.AddSingleton<DraftList>();
        services.AddSingleton<DraftDetailsLoader>();
        services.AddPostGuardNotifications();
        return services;
    }

    /// <summary>Notification sending; also needed by workers, whose consumer notifies the approver.</summary>
    public static IServiceCollection AddPostGuardNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<WebhookSender>(WebhookSender.HttpClientName);
        services.TryAddSingleton<EmailSender>();
        services.TryAddSingleton<ApproverNotifier>();
        return services;
    }
}
