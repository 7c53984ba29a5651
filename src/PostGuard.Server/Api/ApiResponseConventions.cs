using Microsoft.AspNetCore.Mvc;

namespace PostGuard.Server.Api;

/// <summary>
/// The answers the OpenAPI document lists beside an endpoint's typed result. Errors are not returned by
/// the handlers but thrown and turned into problems in one place (<see cref="ProblemMapping"/>, the
/// authentication and the rate limiter), so each endpoint names the problems it can end in.
/// </summary>
public static class ApiResponseConventions
{
    /// <summary>What every /api/v1 endpoint may answer: no or a bad token, a role that may not, a failure, a dependency down.</summary>
    public static RouteGroupBuilder WithApiProblems(this RouteGroupBuilder group)
    {
        foreach (var status in new[] { StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable })
        {
            group.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
        return group;
    }

    /// <summary>A JPEG photo as the 200 answer.</summary>
    public static RouteHandlerBuilder ProducesJpeg(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg");
}
