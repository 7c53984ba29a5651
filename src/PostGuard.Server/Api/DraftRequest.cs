using System.Text.Json;
using System.Text.Json.Serialization;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Api;

/// <summary>The JSON of the multipart part "draft".</summary>
public sealed record DraftRequest
{
    public string? Text { get; init; }
    public List<string>? Channels { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public List<DraftImageRequest>? Images { get; init; }
}

public sealed record DraftImageRequest
{
    public string? File { get; init; }
    public List<TagRequest>? Tags { get; init; }
}

/// <summary>
/// One tag of a photo: a plain person id (placed on no face yet: a first submission), or
/// <c>{"person": ID, "face": N}</c> binding face N of the photo's analysis (0-based), or
/// <c>{"person": ID, "face": null}</c>: in the photo, face not visible. An object without "face" is the plain form.
/// </summary>
[JsonConverter(typeof(TagRequestConverter))]
public sealed record TagRequest(string? Person, TagPlacement Placement, int? Face)
{
    public NewTag ToNewTag() => new(Person, Placement, Face);
}

public sealed class TagRequestConverter : JsonConverter<TagRequest>
{
    public override TagRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new TagRequest(reader.GetString(), TagPlacement.Unplaced, null);
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a tag is a person id, or an object {\"person\": ID, \"face\": N or null}");
        }
        string? person = null;
        var placement = TagPlacement.Unplaced;
        int? face = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name?.ToLowerInvariant())
            {
                case "person":
                    person = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("\"person\" must be a person id (a string)");
                    break;
                case "face" when reader.TokenType == JsonTokenType.Null:
                    placement = TagPlacement.NotVisible;
                    face = null;
                    break;
                case "face" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var index):
                    placement = TagPlacement.Face;
                    face = index;
                    break;
                case "face":
                    throw new JsonException("\"face\" must be a face index (a whole number from 0) or null when the face is not visible");
                default:
                    throw new JsonException($"unknown property '{name}' (a tag has \"person\" and \"face\")");
            }
        }
        return new TagRequest(person, placement, face);
    }

    public override void Write(Utf8JsonWriter writer, TagRequest value, JsonSerializerOptions options)
    {
        if (value.Placement == TagPlacement.Unplaced)
        {
            writer.WriteStringValue(value.Person);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("person", value.Person);
        if (value.Face is { } face)
        {
            writer.WriteNumber("face", face);
        }
        else
        {
            writer.WriteNull("face");
        }
        writer.WriteEndObject();
    }
}

/// <summary>Body of approve, reject and approve-redacted.</summary>
public sealed record ReviewActionRequest
{
    public string? Reason { get; init; }
    /// <summary>Approve only: the earliest time the post may go out (e.g. after a trip has ended).</summary>
    public DateTimeOffset? EarliestPublishAt { get; init; }
    /// <summary>Approve-redacted only: per photo position, the face indices to hide; a photo not listed gets the default (faces that block or nobody accounts for).</summary>
    public Dictionary<int, List<int>>? Faces { get; init; }
}
