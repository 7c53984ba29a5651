namespace PostGuard.Core.Policy;

/// <summary>A policy failed validation; each error names the field it is about.</summary>
public sealed class PolicyValidationException(IReadOnlyList<string> errors)
    : Exception("Invalid policy: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
