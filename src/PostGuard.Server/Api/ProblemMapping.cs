using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PostGuard.Core.Review;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Api;

/// <summary>
/// Turns exceptions into RFC 7807 problems: bad input 400 (listing every field), unknown draft 404,
/// a conflicting action 409, an unavailable dependency 503 with Retry-After; anything else, a database
/// error included, 500 with a trace id to quote and no internals (the details go to the log under that id).
/// </summary>
public sealed class ProblemMapping(ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult result = exception switch
        {
            InputValidationException invalid => Results.ValidationProblem(
                invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The request is not valid; nothing was stored.",
                detail: string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))),
            DraftNotFoundException => Results.Problem(statusCode: 404, title: "Draft not found", detail: exception.Message),
            Core.Blobs.BlobMissingException => Results.Problem(statusCode: 410, title: "Photo no longer stored",
                detail: "This photo was deleted under the school's retention policy (or is missing from the store)."),
            MediaNotFoundException => Results.Problem(statusCode: 404, title: "Photo not found", detail: exception.Message),
            MediaNotYetPublishableException early => Results.Problem(statusCode: 409, title: "Not to be published yet", detail: exception.Message,
                extensions: new Dictionary<string, object?> { ["earliestPublishAt"] = early.EarliestPublishAt.ToUniversalTime() }),
            Core.Consent.PersonNotFoundException => Results.Problem(statusCode: 404, title: "Person not found", detail: exception.Message),
            ReviewConflictException => Results.Problem(statusCode: 409, title: "Conflict", detail: exception.Message),
            Vision.Video.VideoToolUnavailableException => Results.Problem(statusCode: 503, title: "Video clips unavailable", detail: "ffmpeg is not available on this server; photos are still accepted."),
            BadHttpRequestException bad => Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: bad.Message),
            _ when IsUnavailable(exception) => Unavailable(httpContext, exception),
            _ => Results.Problem(statusCode: 500, title: "Internal error",
                detail: $"The request failed and nothing was changed; the error was logged under trace id {TraceId(httpContext)}.",
                extensions: new Dictionary<string, object?> { ["traceId"] = TraceId(httpContext) }),
        };
        if (result is IStatusCodeHttpResult { StatusCode: >= 500 })
        {
            logger.LogError(exception, "Request {Method} {Path} failed (trace id {TraceId})", httpContext.Request.Method, httpContext.Request.Path, TraceId(httpContext));
        }
        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>503 with Retry-After: when an open circuit says how long it stays open, that long; else a few seconds.</summary>
    private static IResult Unavailable(HttpContext httpContext, Exception exception)
    {
        var broken = FindInner<BrokenCircuitException>(exception);
        var seconds = Math.Max(1, (int)Math.Ceiling((broken?.RetryAfter ?? TimeSpan.FromSeconds(5)).TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: 503, title: "Service unavailable", detail: broken is null
            ? "A dependency (database, blob store or message broker) is unavailable; nothing was changed. Try again shortly."
            : $"A dependency failed repeatedly and is not being called for {seconds} s (circuit open); nothing was changed. Try again then.");
    }

    private static T? FindInner<T>(Exception exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }

    private static string TraceId(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    /// <summary>
    /// Only a dependency that cannot be reached right now: an open circuit, a timeout, a connection that
    /// failed or dropped (Npgsql marks those transient), SQLite busy, locked or unable to open its file,
    /// the blob store's disk, the broker. A database that answers with an error (a constraint, a trigger,
    /// too many variables) is a fault of the request or the service, and repeating it would not help.
    /// </summary>
    private static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BrokenCircuitException or TimeoutRejectedException or TimeoutException or System.Net.Sockets.SocketException or IOException
                or NpgsqlException { IsTransient: true }
                or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteCannotOpen }
                || e.GetType().FullName is "RabbitMQ.Client.Exceptions.BrokerUnreachableException" or "MassTransit.RabbitMqConnectionException")
            {
                return true;
            }
            if (e is NpgsqlException or SqliteException)
            {
                return false; // the database answered: whatever it wraps, this is not unavailability
            }
        }
        return false;
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCannotOpen = 14;
}
