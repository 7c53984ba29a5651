using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PostGuard.Server.Api;

/// <summary>
/// The request bodies the OpenAPI document cannot infer, because their endpoints read them by hand
/// (<see cref="MultipartDraftReader"/>, the CSV import, the JSON bodies read with the project's settings):
/// the multipart draft with its JSON part and file parts, the three forms of a photo's tag
/// (<see cref="TagRequestConverter"/>), the CSV and the JSON bodies. Described, not declared with
/// Accepts(): that would make routing answer 415 where the handlers answer 400 naming the field.
/// </summary>
public static class RequestBodyDocumentation
{
    /// <summary>A JSON body of type <typeparamref name="T"/>; <paramref name="required"/> false where an empty body is allowed.</summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder, bool required = true) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) },
                },
            };
        });

    private static OpenApiSchema Binary(string description) => new() { Type = JsonSchemaType.String, Format = "binary", Description = description };

    private static OpenApiSchema PersonId() => new() { Type = JsonSchemaType.String, Format = "uuid", Description = "A person's id in the school's register" };

    /// <summary>multipart/form-data: the part "draft" (JSON, <see cref="DraftRequest"/>) and one file part per photo, named by that photo's images[].file.</summary>
    public static RouteHandlerBuilder WithDraftSubmissionBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var draft = await context.GetOrCreateSchemaAsync(typeof(DraftRequest), null, cancellationToken);
            // The generator cannot see through TagRequestConverter: the tags' items are described by hand.
            if (draft.Properties is { } fields && fields.TryGetValue("images", out var images) && images.Items is OpenApiSchema { Properties: { } image }
                && image.TryGetValue("tags", out var tagList) && tagList is OpenApiSchema tags)
            {
                tags.Items = TagForms();
            }
            draft.Description = "The draft as JSON: {text, channels, publishAt, commentsEnabled, images: [{file, tags}]}; each images[].file names the file part holding that photo.";
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A part 'draft' with the draft's JSON, and one file part per photo (JPEG, PNG, WebP or HEIC), named as its images[].file says. "
                    + "A photo's tags say who is in it: a plain person id (placed on no face yet), {\"person\": ID, \"face\": N} (face N of the draft's analysis, "
                    + "0-based, as GET /api/v1/drafts/{id} numbers images[].faces[]) or {\"person\": ID, \"face\": null} (in the photo, face not visible).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "draft" },
                            Properties = new Dictionary<string, IOpenApiSchema> { ["draft"] = draft },
                            AdditionalProperties = Binary("A photo, in the file part named by its images[].file"),
                        },
                        Encoding = new Dictionary<string, OpenApiEncoding> { ["draft"] = new() { ContentType = "application/json" } },
                    },
                },
            };
        });

    /// <summary>The CSV of the people register and consent, as the text/csv body or a multipart file part named "file".</summary>
    public static RouteHandlerBuilder WithCsvImportBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The register as CSV (UTF-8, header row first; external_id, first_name and last_name required; kind, known_as, year_group, use, status, given_by, evidence, signed_on, valid_from, valid_until optional).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = Binary("The CSV file") },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>A tag is one of three forms, which <see cref="TagRequestConverter"/> reads.</summary>
    public static OpenApiSchema TagForms()
    {
        var plain = PersonId();
        plain.Description = "A plain person id: the person is in the photo, placed on no face yet (a first submission, before the faces are known).";
        return new OpenApiSchema
        {
            Description = "Who is in the photo, in one of three forms: a plain person id; {\"person\": ID, \"face\": N}; {\"person\": ID, \"face\": null}.",
            OneOf =
            [
                plain,
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "{\"person\": ID, \"face\": N} binds face N of the draft's analysis (0-based, as GET /api/v1/drafts/{id} numbers images[].faces[]); "
                        + "{\"person\": ID, \"face\": null}: in the photo, face not visible; without \"face\" it is the plain form.",
                    Required = new HashSet<string> { "person" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["person"] = PersonId(),
                        ["face"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Integer | JsonSchemaType.Null,
                            Minimum = "0",
                            Description = "The face's index in the photo's analysis, or null when the person's face is not visible",
                        },
                    },
                    AdditionalPropertiesAllowed = false,
                },
            ],
            Examples = [new JsonObject { ["person"] = "3f2b8c1e-6a4d-4f0e-9b7a-2d5c8e1f4a90", ["face"] = 0 }, JsonValue.Create("3f2b8c1e-6a4d-4f0e-9b7a-2d5c8e1f4a90")],
        };
    }
}
