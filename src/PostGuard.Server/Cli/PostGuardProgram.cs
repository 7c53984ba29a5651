using PostGuard.Core.Policy;
using PostGuard.Core.Submissions;
using PostGuard.Server.Hosting;

namespace PostGuard.Server.Cli;

/// <summary>Dispatches the verbs of the one executable: serve (default), migrate, admin ..., check.</summary>
public static class PostGuardProgram
{
    public const int ExitUsage = 3;

    /// <summary>The verb could not do its work (database unreachable, unreadable file, bad configuration).</summary>
    public const int ExitFailure = 4;

    private static readonly HashSet<string> Flags = ["--json", "--comments-enabled", "--help", "--password-stdin"];

    public const string Usage = """
        PostGuard: checks school social media drafts before they are published.

        Usage: PostGuard.Server [VERB] [OPTIONS]
          serve [--role all|api|worker] [--urls URL] [--data-dir DIR]   run the service (default verb)
          migrate [--data-dir DIR]                                         apply database migrations
          admin add-school --id ID --name NAME --policy consent-based|strict [--channels facebook,instagram,linkedin,website]
          admin add-user --school ID --email EMAIL --role uploader|approver|consent-admin|auditor [--password-stdin]
                                                                           prints a new API token once; --password-stdin reads
                                                                           a password for the web pages from standard input
          admin import-people --school ID FILE.csv                        import the people register and consent (all or nothing)
          admin error-queue list|redrive                                   messages that failed after every retry (RabbitMQ)
          check [--policy P] [--text T | --text-file F] [--image FILE]... [--channel C]...
                [--publish-at ISO8601] [--comments-enabled] [--json]      analyse local inputs, no server
                [--register PEOPLE.csv] [--tag IMAGE_INDEX:EXTERNAL_ID]...  consent from a CSV; tag people per image (0 = first)
                [--redact-out DIR]                                        write each image with every face blurred, no metadata
                [--frames-out DIR]                                        write each clip's face tracks on their best frames
                                                                           exit 0 Approve, 1 Hold, 2 Block, 3 usage/input error
        Other verbs exit 0 on success, 3 on a usage or input error, 4 when they could not do their work.
        Every verb reads appsettings.json, environment variables (e.g. Database__Provider) and
        --Section:Key value options (e.g. --Database:Provider Postgres).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        CommandLine cli;
        try
        {
            cli = CommandLine.Parse(args, Flags);
        }
        catch (UsageException ex)
        {
            return Fail(ex.Message);
        }
        if (cli.Flag("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        try
        {
            return cli.Verb.ToArray() switch
            {
                [] or ["serve"] => await ServeCommand.RunAsync(cli),
                ["migrate"] => await AdminCommands.MigrateAsync(cli),
                ["admin", "add-school"] => await AdminCommands.AddSchoolAsync(cli),
                ["admin", "add-user"] => await AdminCommands.AddUserAsync(cli),
                ["admin", "import-people", .. var rest] => await AdminCommands.ImportPeopleAsync(cli, rest),
                ["admin", "error-queue", var action] => await AdminCommands.ErrorQueueAsync(cli, action),
                ["check"] => await CheckCommand.RunAsync(cli),
                _ => Fail($"unknown verb '{string.Join(' ', cli.Verb)}'"),
            };
        }
        catch (UsageException ex)
        {
            return Fail(ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message, showUsage: false);
        }
        catch (PolicyValidationException ex)
        {
            return Fail(string.Join(Environment.NewLine, ex.Errors), showUsage: false);
        }
        catch (InputValidationException ex)
        {
            return Fail(string.Join(Environment.NewLine, ex.Errors.Select(e => $"{e.Field}: {e.Message}")), showUsage: false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitFailure;
        }
    }

    private static int Fail(string message, bool showUsage = true)
    {
        Console.Error.WriteLine($"error: {message}");
        if (showUsage)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine(Usage);
        }
        return ExitUsage;
    }
}
