using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PostGuard.Core.Review;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Api;

/// <summary>
/// Turns exceptions into RFC 7807 problems: bad input 400 (listing every field), unknown draft 404,
/// a conflicting action 409, an unavailable dependency 503; anything else 500 without internals.
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
            Core.Consent.PersonNotFoundException => Results.Problem(statusCode: 404, title: "Person not found", detail: exception.Message),
            ReviewConflictException => Results.Problem(statusCode: 409, title: "Conflict", detail: exception.Message),
            Vision.Video.VideoToolUnavailableException => Results.Problem(statusCode: 503, title: "Video clips unavailable", detail: "ffmpeg is not available on this server; photos are still accepted."),
            BadHttpRequestException bad => Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: bad.Message),
            _ when IsUnavailable(exception) => Unavailable(httpContext, exception),
            _ => Results.Problem(statusCode: 500, title: "Internal error", detail: "The error was logged."),
        };
        if (result is IStatusCodeHttpResult { StatusCode: >= 500 })
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
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

    private static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or TimeoutRejectedException or BrokenCircuitException or System.Net.Sockets.SocketException or IOException
                || e.GetType().FullName is "RabbitMQ.Client.Exceptions.BrokerUnreachableException" or "MassTransit.RabbitMqConnectionException")
            {
                return true;
            }
        }
        return false;
    }
}
