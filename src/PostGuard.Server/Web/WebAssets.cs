using Microsoft.Extensions.FileProviders;

namespace PostGuard.Server.Web;

/// <summary>The pages' stylesheet and script, embedded in the assembly: served the same from `dotnet run`, the image and a test host, never from a CDN.</summary>
public static class WebAssets
{
    public static IFileProvider Files { get; } = new EmbeddedFileProvider(typeof(WebAssets).Assembly, "PostGuard.Server.wwwroot");
}
