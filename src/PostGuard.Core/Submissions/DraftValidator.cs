using Microsoft.Extensions.Options;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Submissions;

/// <summary>
/// Validates a draft before anything is stored (the API) or analysed (the check verb): every
/// problem is reported at once, each naming its field; images and clips are judged by their bytes (a clip's
/// header is checked against the Video limits by <see cref="SubmissionService"/> before it is stored).
/// </summary>
public sealed class DraftValidator(IOptions<SubmissionLimits> limits)
{
    /// <summary>Checks every field and reports all problems at once, naming each field.</summary>
    public NewDraft Validate(NewDraft draft, SchoolPolicy policy)
    {
        var errors = new List<InputError>();
        var max = limits.Value;
        if (draft.Text is null)
        {
            errors.Add(new InputError("draft.text", "is required (it may be empty for a photo-only post)"));
        }
        else if (draft.Text.Length > max.MaxTextLength)
        {
            errors.Add(new InputError("draft.text", $"is {draft.Text.Length} characters; the limit is {max.MaxTextLength}"));
        }
        if (draft.Channels is null || draft.Channels.Count == 0)
        {
            errors.Add(new InputError("draft.channels", $"at least one channel is required (the school's channels are {string.Join(", ", policy.Channels)})"));
        }
        else
        {
            for (var i = 0; i < draft.Channels.Count; i++)
            {
                if (!Channels.IsKnown(draft.Channels[i]))
                {
                    errors.Add(new InputError($"draft.channels[{i}]", $"unknown channel '{draft.Channels[i]}' (known channels: {string.Join(", ", Channels.All)})"));
                }
            }
            if (draft.Channels.Distinct(StringComparer.Ordinal).Count() != draft.Channels.Count)
            {
                errors.Add(new InputError("draft.channels", "a channel is listed twice"));
            }
        }
        if (draft.Images.Count > max.MaxImages)
        {
            errors.Add(new InputError("draft.images", $"{draft.Images.Count} images; the limit is {max.MaxImages}"));
        }
        var clips = draft.Images.Count(i => ClipSniffing.Sniff(i.Content.Span) is not null);
        if (clips > max.MaxClips)
        {
            errors.Add(new InputError("draft.images", $"{clips} video clips; the limit is {max.MaxClips}"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < draft.Images.Count; i++)
        {
            var image = draft.Images[i];
            var field = $"draft.images[{i}]";
            if (string.IsNullOrWhiteSpace(image.FileName))
            {
                errors.Add(new InputError($"{field}.file", "is required"));
            }
            else if (!names.Add(image.FileName))
            {
                errors.Add(new InputError($"{field}.file", $"'{image.FileName}' is listed twice"));
            }
            var isClip = ClipSniffing.Sniff(image.Content.Span) is not null;
            if (image.Content.Length == 0)
            {
                errors.Add(new InputError($"{field}.file", $"'{image.FileName}' is empty"));
            }
            else if (isClip && image.Content.Length > max.MaxClipBytes)
            {
                errors.Add(new InputError($"{field}.file", $"'{image.FileName}' is a clip of {image.Content.Length} bytes; the limit is {max.MaxClipBytes}"));
            }
            else if (!isClip && image.Content.Length > max.MaxImageBytes)
            {
                errors.Add(new InputError($"{field}.file", $"'{image.FileName}' is {image.Content.Length} bytes; the limit is {max.MaxImageBytes}"));
            }
            else if (!isClip && ImageSniffer.Sniff(image.Content.Span) is null)
            {
                errors.Add(new InputError($"{field}.file", $"'{image.FileName}' is not a JPEG, PNG, WebP or HEIC image, nor an MP4, MOV or WebM clip (judged by its content, not its name)"));
            }
            ValidateTags(image, field, max, errors);
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
        return draft with
        {
            Images = [.. draft.Images.Select(i => i with { ContentType = ClipSniffing.Sniff(i.Content.Span) ?? ImageSniffer.Sniff(i.Content.Span)! })],
        };
    }

    /// <summary>
    /// A photo's tags: each a person id, once per photo; a face bound to at most one person. Whether
    /// the people exist and the faces are known is checked when the photo's faces are (see SubmissionService).
    /// </summary>
    private static void ValidateTags(NewDraftImage image, string field, SubmissionLimits max, List<InputError> errors)
    {
        if (image.Tags.Count > max.MaxTagsPerImage)
        {
            errors.Add(new InputError($"{field}.tags", $"{image.Tags.Count} tags; the limit is {max.MaxTagsPerImage} per photo"));
            return;
        }
        var people = new Dictionary<Guid, int>();
        var faces = new Dictionary<int, int>();
        for (var t = 0; t < image.Tags.Count; t++)
        {
            var tag = image.Tags[t];
            var tagField = $"{field}.tags[{t}]";
            var personField = tag.Placement == TagPlacement.Unplaced ? tagField : $"{tagField}.person";
            if (!Guid.TryParse(tag.Person, out var person))
            {
                errors.Add(new InputError(personField, tag.Person is null ? "a person id is required" : $"'{tag.Person}' is not a person id"));
            }
            else if (people.TryGetValue(person, out var first))
            {
                errors.Add(new InputError(personField, $"'{person}' is already tagged in this photo ({field}.tags[{first}]): a person is in a photo once"));
            }
            else
            {
                people[person] = t;
            }
            if (tag.Placement != TagPlacement.Face)
            {
                continue;
            }
            if (tag.Face is not { } face || face < 0)
            {
                errors.Add(new InputError($"{tagField}.face", "must be the index of a face in the photo's analysis (0 or more), or null when the face is not visible"));
            }
            else if (faces.TryGetValue(face, out var other))
            {
                errors.Add(new InputError($"{tagField}.face", $"face {face} is already bound to {field}.tags[{other}]: one face is one person"));
            }
            else
            {
                faces[face] = t;
            }
        }
    }
}
