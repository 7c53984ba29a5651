using Microsoft.Extensions.Options;
using PostGuard.Core.Persistence;
using PostGuard.Core.Policy;
using PostGuard.Core.Schools;
using PostGuard.Server.Hosting;

namespace PostGuard.Server.Cli;

/// <summary>migrate, admin add-school, admin add-user: run against the configured database, no server.</summary>
public static class AdminCommands
{
    public static async Task<int> MigrateAsync(CommandLine cli)
    {
        cli.AllowOnly();
        await using var services = BuildServices(cli);
        var applied = await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        var database = services.GetRequiredService<Database>();
        Console.WriteLine($"{database.Provider}: {applied} migration(s) applied; schema is current.");
        return 0;
    }

    public static async Task<int> AddSchoolAsync(CommandLine cli)
    {
        cli.AllowOnly("--id", "--name", "--policy", "--channels");
        var channels = cli.Optional("--channels")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var policyName = cli.Required("--policy");
        if (!PolicyPresets.Names.Contains(policyName))
        {
            throw new UsageException($"--policy: unknown policy '{policyName}' (expected {string.Join(" or ", PolicyPresets.Names)})");
        }
        var policy = PolicyPresets.Create(policyName, channels);
        await using var services = await BuildMigratedServicesAsync(cli);
        var school = await services.GetRequiredService<SchoolDirectory>().AddSchoolAsync(cli.Required("--id"), cli.Required("--name"), policy, CancellationToken.None);
        Console.WriteLine($"School '{school.Id}' ({school.Name}) added: policy {school.Policy.Preset}, channels {string.Join(", ", school.Policy.Channels)}.");
        return 0;
    }

    public static async Task<int> AddUserAsync(CommandLine cli)
    {
        cli.AllowOnly("--school", "--email", "--role", "--password-stdin");
        string? passwordHash = null;
        if (cli.Flag("--password-stdin"))
        {
            // The password comes on standard input (never on the command line, where other users see it).
            var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
            if (Web.StaffPasswords.Problem(password) is { } problem)
            {
                throw new UsageException($"--password-stdin: {problem}");
            }
            // The hash does not depend on the user; PasswordHasher ignores it (salt and iterations are in the hash).
            passwordHash = Web.StaffPasswords.Hash(new StaffUser(Guid.Empty, "", "", ""), password);
        }
        await using var services = await BuildMigratedServicesAsync(cli);
        var added = await services.GetRequiredService<SchoolDirectory>().AddUserAsync(cli.Required("--school"), cli.Required("--email"), cli.Required("--role"), CancellationToken.None, passwordHash);
        var user = added.User;
        Console.Error.WriteLine(added.WasReset
            ? $"User {user.Email} ({user.Role}) of '{user.SchoolId}' already existed and was reset: a new API token (the old one no longer works)" +
              $"{(passwordHash is null ? ", the password unchanged" : ", a new password for the web pages")}, the lockout cleared, every open session ended. Their API token (shown once; only its hash is stored):"
            : $"User {user.Email} ({user.Role}) added to '{user.SchoolId}'{(passwordHash is null ? "" : " with a password for the web pages")}. Their API token (shown once; only its hash is stored):");
        Console.WriteLine(added.Token);
        return 0;
    }

    /// <summary>admin error-queue list|redrive: messages that failed after every retry.</summary>
    public static async Task<int> ErrorQueueAsync(CommandLine cli, string action)
    {
        cli.AllowOnly();
        var configuration = ServerConfiguration.Build(cli.ConfigurationArgs);
        var options = configuration.GetSection(Messaging.MessagingOptions.SectionName).Get<Messaging.MessagingOptions>() ?? new Messaging.MessagingOptions();
        var queue = new Messaging.ErrorQueue(options);
        switch (action)
        {
            case "list":
                var messages = await queue.ListAsync(CancellationToken.None);
                foreach (var message in messages)
                {
                    Console.WriteLine($"{queue.ErrorQueueName(message.Queue)}\t{message.MessageId}\t{message.MessageType}\t{message.Reason}");
                    Console.WriteLine($"    {message.Body.ReplaceLineEndings(" ")}");
                }
                Console.Error.WriteLine($"{messages.Count} failed message(s).");
                return 0;
            case "redrive":
                var moved = await queue.RedriveAsync(CancellationToken.None);
                Console.WriteLine($"{moved} message(s) sent back to their queues.");
                return 0;
            default:
                throw new UsageException($"admin error-queue: unknown action '{action}' (expected list or redrive)");
        }
    }

    public static async Task<int> ImportPeopleAsync(CommandLine cli, IReadOnlyList<string> verbRest)
    {
        cli.AllowOptions("--school");
        var files = verbRest.Concat(cli.Positional).ToList();
        if (files.Count != 1)
        {
            throw new UsageException("admin import-people needs exactly one FILE.csv");
        }
        if (!File.Exists(files[0]))
        {
            throw new UsageException($"no file '{files[0]}'");
        }
        var schoolId = cli.Required("--school");
        await using var services = await BuildMigratedServicesAsync(cli);
        if (await services.GetRequiredService<SchoolDirectory>().FindSchoolAsync(schoolId, CancellationToken.None) is null)
        {
            throw new ArgumentException($"--school: no school '{schoolId}' (add it first with 'admin add-school')");
        }
        // The same bound as the API's import route: a register export is a few MB, and the file is read as it is parsed.
        var limits = services.GetRequiredService<IConfiguration>().GetSection(BodyLimitOptions.SectionName).Get<BodyLimitOptions>() ?? new BodyLimitOptions();
        if (new FileInfo(files[0]).Length > limits.CsvBytes)
        {
            throw new UsageException($"'{files[0]}' is {new FileInfo(files[0]).Length} bytes; the limit is {limits.CsvBytes} ({BodyLimitOptions.SectionName}:{nameof(BodyLimitOptions.CsvBytes)}): split it");
        }
        var actor = new StaffUser(Guid.Empty, schoolId, "admin import-people (command line)", Roles.ConsentAdmin);
        using var csv = new StreamReader(files[0], System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var result = await services.GetRequiredService<Core.Consent.ConsentService>().ImportAsync(actor, csv, CancellationToken.None);
        Console.WriteLine($"Imported {result.Rows} row(s): {result.PeopleAdded} people added, {result.PeopleUpdated} updated, {result.ConsentsRecorded} consent record(s) recorded, {result.DraftsFlagged.Count} draft(s) flagged for takedown.");
        return 0;
    }

    private static async Task<ServiceProvider> BuildMigratedServicesAsync(CommandLine cli)
    {
        var services = BuildServices(cli);
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        }
        return services;
    }

    private static ServiceProvider BuildServices(CommandLine cli)
    {
        var configuration = ServerConfiguration.Build(cli.ConfigurationArgs);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).AddFilter("PostGuard", LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddPostGuardAnalysis(configuration);
        services.AddPostGuardStorage();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
