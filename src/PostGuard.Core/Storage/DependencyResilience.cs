using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace PostGuard.Core.Storage;

/// <summary>
/// One dependency's circuit (the database, the blob store) and the two ways calls go through it.
/// Operations safe to repeat (opening a connection, reading or writing a content-addressed blob) take
/// <see cref="Repeatable"/>: retry (outermost) → circuit → timeout per attempt. Operations that must
/// not be repeated blindly (a database command, which may already have changed something) take
/// <see cref="Breaker"/>: the same circuit alone, so their failures still open it. An open circuit is
/// never retried: its <see cref="BrokenCircuitException"/> reaches the caller at once (the API answers
/// 503 with Retry-After; a consumer's message is retried later, a unit of work repeated whole).
/// </summary>
public sealed class DependencyResilience
{
    private DependencyResilience(ResiliencePipeline repeatable, ResiliencePipeline breaker)
    {
        Repeatable = repeatable;
        Breaker = breaker;
    }

    public ResiliencePipeline Repeatable { get; }

    public ResiliencePipeline Breaker { get; }

    /// <param name="dependency">Named in log lines, e.g. "database".</param>
    /// <param name="isTransient">Failures worth retrying and counting against the circuit; attempt timeouts always are.</param>
    /// <param name="time">The clock of the retry delays, the circuit's window and break, and the attempt timeout.</param>
    public static DependencyResilience Create(string dependency, ResilienceOptions options, Func<Exception, bool> isTransient, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        var handled = new PredicateBuilder().Handle<Exception>(e => e is Polly.Timeout.TimeoutRejectedException || isTransient(e));
        var breaker = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = handled,
                FailureRatio = options.BreakFailureRatio,
                MinimumThroughput = options.BreakMinimumCalls,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakSeconds),
                OnOpened = args =>
                {
                    logger.LogError("{Dependency} circuit opened for {Seconds} s: calls fail at once until a trial call succeeds ({Error})",
                        dependency, args.BreakDuration.TotalSeconds, args.Outcome.Exception?.Message);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogWarning("{Dependency} circuit closed: calls go through again", dependency);
                    return default;
                },
            })
            .Build();

        var repeatable = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.Retries > 0)
        {
            repeatable.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = handled,
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.FirstRetryDelayMilliseconds),
                OnRetry = args =>
                {
                    logger.LogWarning("{Dependency} call failed ({Error}); retry {Attempt} in {Delay} ms", dependency,
                        args.Outcome.Exception?.Message, args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }
        repeatable.AddPipeline(breaker).AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
        return new DependencyResilience(repeatable.Build(), breaker);
    }
}
