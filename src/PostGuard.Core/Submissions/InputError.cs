namespace PostGuard.Core.Submissions;

/// <summary>One problem with an input, naming the field (e.g. "draft.channels[1]") it is about.</summary>
public sealed record InputError(string Field, string Message);

/// <summary>Bad input: nothing was changed. The API answers 400 listing every error.</summary>
public sealed class InputValidationException(IReadOnlyList<InputError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;

    public InputValidationException(string field, string message) : this([new InputError(field, message)])
    {
    }
}
