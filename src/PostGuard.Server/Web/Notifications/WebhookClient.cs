using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using PostGuard.Core.Notifications;

namespace PostGuard.Server.Web.Notifications;

/// <summary>
/// The HTTP client webhooks are sent with (IHttpClientFactory, named <see cref="Name"/>): a
/// SocketsHttpHandler that resolves the host itself and connects only to an address the
/// <see cref="WebhookDestinationPolicy"/> permits (so a name that changes its answer after the check gains
/// nothing), follows no redirect, uses no proxy (a proxy would connect on our behalf, unchecked) and keeps
/// no cookies; and, around it, Microsoft.Extensions.Http.Resilience's retry (network errors, timeouts, 408,
/// 429, 5xx; doubling waits, or the receiver's Retry-After up to a cap) with a time limit per attempt.
/// </summary>
public static class WebhookClient
{
    public const string Name = "postguard-webhook";

    public static IServiceCollection AddWebhookClient(this IServiceCollection services)
    {
        services.AddHttpClient(Name, client => client.Timeout = Timeout.InfiniteTimeSpan) // the pipeline's per-attempt limit applies
            // The factory's own request logging would write the full URL (a chat webhook's secret is in its path);
            // the notifier logs the redacted form instead.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = ConnectToPermittedAddressAsync(sp.GetRequiredService<WebhookDestinationPolicy>()),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddResilienceHandler("webhook-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookSender));
                if (options.WebhookAttempts > 1)
                {
                    pipeline.AddRetry(RetryOptions(options, logger));
                }
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.WebhookTimeoutSeconds));
            });
        return services;
    }

    private static HttpRetryStrategyOptions RetryOptions(NotificationOptions options, ILogger logger)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.WebhookAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = TimeSpan.FromMilliseconds(options.WebhookFirstRetryMilliseconds),
            ShouldRetryAfterHeader = true,
            // Today's rules: network errors, timeouts, 408, 429 and 5xx; a refused destination is final.
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is not HttpRequestException { InnerException: WebhookDestinationRefusedException }
                && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            OnRetry = args =>
            {
                logger.LogWarning("Webhook attempt {Attempt} failed ({Failure}); retrying in {Wait} ms",
                    args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? $"answered {(int)args.Outcome.Result!.StatusCode}", args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        };
        // The package reads Retry-After; a receiver asking for an hour gets the configured cap instead.
        var honourRetryAfter = retry.DelayGenerator ?? throw new InvalidOperationException("HttpRetryStrategyOptions no longer reads Retry-After by itself");
        var cap = TimeSpan.FromSeconds(options.WebhookMaxRetryAfterSeconds);
        retry.DelayGenerator = async args => await honourRetryAfter(args) is { } asked ? (asked > cap ? cap : asked) : null;
        return retry;
    }

    /// <summary>Resolves the host now, keeps the permitted addresses and connects to the first that answers.</summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectToPermittedAddressAsync(WebhookDestinationPolicy policy) =>
        async (context, cancellationToken) =>
        {
            var addresses = await policy.PermittedAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            SocketException? last = null;
            foreach (var address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException e)
                {
                    socket.Dispose();
                    last = e;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
            throw last!;
        };
}
