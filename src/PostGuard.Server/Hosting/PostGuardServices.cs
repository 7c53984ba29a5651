using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Consent;
using PostGuard.Core.People;
using PostGuard.Vision;
using PostGuard.Vision.Video;
using PostGuard.Core.Analysis;
using PostGuard.Core.Audit;
using PostGuard.Core.Blobs;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Channels;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Persistence;
using PostGuard.Core.Retention;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Core.Storage;
using PostGuard.Core.Submissions;
using PostGuard.Core.Notifications;
using PostGuard.Server.Messaging;
using PostGuard.Server.Web;
using PostGuard.Server.Web.Notifications;

namespace PostGuard.Server.Hosting;

/// <summary>The composition root: what every verb and role shares, plus messaging per role.</summary>
public static class PostGuardServices
{
    /// <summary>Configuration key of the models directory (fetched assets); default: found above the application.</summary>
    public const string AssetsRootKey = "Assets:Root";

    /// <summary>The checks pipeline alone: what the check verb needs (no database, no bus).</summary>
    public static IServiceCollection AddPostGuardAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CheckOptions>().BindConfiguration(CheckOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDraftCheck, OfficialChannelsCheck>();
        services.AddSingleton<IDraftCheck, CommentsCheck>();
        services.AddSingleton<IDraftCheck, UnreadableImagesCheck>();
        services.AddSingleton<IDraftCheck, FacesCheck>();
        services.AddSingleton<IDraftCheck, PhotoLocationCheck>();
        services.AddSingleton<IDraftCheck, PhotoTextCheck>();
        services.AddTextChecks(configuration[AssetsRootKey]);
        services.AddOptions<VisionOptions>().BindConfiguration(VisionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.AssetsRoot ??= configuration[AssetsRootKey]);
        // The detector loads ONNX Runtime and the models once, on first use; a failure to load
        // surfaces as an unreadable image (Hold) and in /health/ready, never as an approval.
        services.AddSingleton(sp => new Lazy<ImageInspector>(() => new ImageInspector(sp.GetRequiredService<IOptions<VisionOptions>>().Value)));
        // Clips: ffmpeg and ffprobe run as processes of their own; the photo face detector is shared.
        services.AddOptions<VideoOptions>().BindConfiguration(VideoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new Lazy<ClipInspector>(() => new ClipInspector(sp.GetRequiredService<Lazy<ImageInspector>>().Value, sp.GetRequiredService<IOptions<VideoOptions>>().Value)));
        services.AddSingleton(sp => new ClipWriter(sp.GetRequiredService<IOptions<VideoOptions>>().Value));
        services.AddSingleton<IImageInspector, VisionImageInspector>();
        services.AddSingleton<DraftAnalyzer>();
        return services;
    }

    /// <summary>Storage, drafts, review and audit: what every verb that touches the database needs.</summary>
    public static IServiceCollection AddPostGuardStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().Configure<IConfiguration>((o, c) => o.DataDir = c[StorageOptions.DataDirKey] ?? o.DataDir);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BlobOptions>().BindConfiguration(BlobOptions.SectionName);
        services.AddOptions<SubmissionLimits>().BindConfiguration(SubmissionLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<BlobStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<SchoolDirectory>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<PeopleImportWriter>();
        services.AddSingleton<ConsentService>();
        services.AddSingleton<DraftValidator>();
        services.AddSingleton<DraftLifecycle>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<DraftAnalysisRunner>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhotoRetention>();
        services.AddSingleton<RedactionService>();
        services.AddSingleton<PublishedMedia>();
        services.AddSingleton<ClipFrames>();
        services.AddSingleton<NotificationSettingsStore>();
        services.AddNotificationOptions();
        return services;
    }

    public static IServiceCollection AddPostGuardMessaging(this IServiceCollection services, IConfiguration configuration, ServerRole role)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReconcilerOptions>().BindConfiguration(ReconcilerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        if (messaging.Transport == MessagingTransport.InMemory && role != ServerRole.All)
        {
            throw new InvalidOperationException(
                $"Messaging:Transport=InMemory only works with --role all (api and worker in one process); role {role.ToString().ToLowerInvariant()} needs Messaging:Transport=RabbitMq.");
        }
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(messaging.QueuePrefix, includeNamespace: false));
            if (role.RunsWorkers())
            {
                bus.AddConsumer<AnalyzeDraftConsumer, AnalyzeDraftConsumerDefinition>();
                bus.AddConsumer<AnalyzeLargeDraftConsumer, AnalyzeLargeDraftConsumerDefinition>();
                bus.AddConsumer<AnalyzeDraftFaultConsumer, AnalyzeDraftFaultConsumerDefinition>();
                bus.AddConsumer<DraftNeedsApproverConsumer, DraftNeedsApproverConsumerDefinition>();
            }
            if (messaging.Transport == MessagingTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(messaging.RabbitMq.Uri));
                    if (messaging.QueuePrefix.Length > 0)
                    {
                        // Publishing goes through an exchange named after the message type, bound to every
                        // queue that consumes it: without the prefix, each deployment would get the others' messages.
                        cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, messaging.QueuePrefix));
                    }
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        services.AddScoped<AnalysisRequests>();
        if (role.RunsWorkers())
        {
            services.AddPostGuardNotifications();
            services.AddSingleton<StuckDraftReconciler>();
            services.AddHostedService(sp => sp.GetRequiredService<StuckDraftReconciler>());
            services.AddHostedService<PhotoRetentionService>();
        }
        return services;
    }
}
