using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PostGuard.Core.Storage;

/// <summary>
/// How calls to a dependency (the database, the blob store) survive trouble: each attempt has a
/// timeout, transient failures are retried with jittered exponential back-off, and when most recent
/// calls fail the circuit opens, so callers fail fast (the API answers 503 with Retry-After, a
/// consumer's message is retried later) instead of piling onto a struggling dependency.
/// Bound from "Database:Resilience" and "Blobs:Resilience".
/// </summary>
public sealed class ResilienceOptions
{
    public const string SubsectionName = "Resilience";

    /// <summary>Retries after the first attempt (0: none).</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 4;

    /// <summary>Delay before the first retry; it doubles for each further one, with jitter.</summary>
    [Range(1, 60_000)]
    public int FirstRetryDelayMilliseconds { get; set; } = 250;

    /// <summary>Longest one attempt may take before it is abandoned (and counts as a failure).</summary>
    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Share of failed calls within the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakFailureRatio { get; set; } = 0.5;

    /// <summary>Fewest calls in the sampling window before the circuit may open.</summary>
    [Range(2, 10_000)]
    public int BreakMinimumCalls { get; set; } = 10;

    [Range(1, 600)]
    public int BreakSamplingSeconds { get; set; } = 10;

    /// <summary>How long an open circuit fails calls at once before letting one trial call through.</summary>
    [Range(1, 600)]
    public int BreakSeconds { get; set; } = 5;

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every bad setting under <paramref name="section"/>.</summary>
    public void Validate(string section)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(ResilienceOptions),
                results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
