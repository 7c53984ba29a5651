namespace PostGuard.Server.Hosting;

/// <summary>The configuration sources every verb shares: appsettings.json beside the executable, environment, command line.</summary>
public static class ServerConfiguration
{
    public static IConfigurationRoot Build(IReadOnlyList<string> configurationArgs) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configurationArgs])
            .Build();
}
