using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PostGuard.Core.Persistence;

namespace PostGuard.Server.Api;

/// <summary>
/// What the HTTP API needs beside its endpoints: its JSON settings (the project's, <see cref="Json.Options"/>,
/// so typed results and the document describe the same wire format) and the OpenAPI document of /api/v1,
/// served at <see cref="DocumentPath"/>. The document needs no sign-in: it holds no school's data, only
/// the shape of the API that the README and the source already publish, and a client generator or a
/// gateway must be able to read it before it has a token.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddPostGuardApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(http =>
        {
            http.SerializerOptions.DefaultIgnoreCondition = Json.Options.DefaultIgnoreCondition;
            http.SerializerOptions.Encoder = Json.Options.Encoder;
            // Answers only (request bodies are read with Json.Options): numbers are written as numbers, and the
            // document then says so instead of "integer or numeric string".
            http.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            foreach (var converter in Json.Options.Converters)
            {
                http.SerializerOptions.Converters.Add(converter);
            }
        });
        services.AddOpenApi(DocumentName, options =>
        {
            // Only the versioned API: the pages and their image URLs are for browsers, not clients.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(NameRolesAsync);
        });
        return services;
    }

    public static void MapPostGuardApiDocument(this IEndpointRouteBuilder app) =>
        app.MapOpenApi(DocumentPath).AllowAnonymous();

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "PostGuard API",
            Version = DocumentName,
            Description = "Checks schools' draft social media posts (faces and consent, text) and returns approve / hold / block. "
                + "Every call needs 'Authorization: Bearer TOKEN' with a token from 'admin add-user'; the school always comes from the token, "
                + "and another school's draft or person is a 404, never a 403. Errors are RFC 7807 application/problem+json; "
                + "a 400 lists every bad field under 'errors' and stores nothing.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token printed once by 'admin add-user'.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        return Task.CompletedTask;
    }

    /// <summary>Says who may call each operation, read from its authorization policies (so it cannot drift from them).</summary>
    private static async Task NameRolesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().ToList();
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in authorization.Select(a => a.Policy).OfType<string>())
        {
            if (await policies.GetPolicyAsync(name) is { } policy)
            {
                foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
                {
                    roles.UnionWith(requirement.AllowedRoles);
                }
            }
        }
        if (authorization.Count > 0)
        {
            var who = roles.Count > 0 ? $"Roles: {string.Join(", ", roles)}." : "Roles: any staff role of the school.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{operation.Description} {who}";
        }
    }
}
