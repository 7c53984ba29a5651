namespace PostGuard.Server.Cli;

/// <summary>
/// The verbs' command line: leading words are the verb ("admin add-user"), then --name value
/// options (repeatable) and --flags. Options that are configuration (--data-dir, --urls, and any
/// --Section:Key or --PascalCaseKey) are handed to the configuration system, the same for every verb.
/// </summary>
public sealed class CommandLine
{
    private static readonly Dictionary<string, string> ConfigurationSwitches = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = "DataDir",
        ["--urls"] = "urls",
        ["--environment"] = "environment",
    };

    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private CommandLine(IReadOnlyList<string> verb, IReadOnlyList<string> configurationArgs)
    {
        Verb = verb;
        ConfigurationArgs = configurationArgs;
    }

    /// <summary>The verb words, e.g. ["admin", "add-user"]; empty for the default (serve).</summary>
    public IReadOnlyList<string> Verb { get; }

    /// <summary>Arguments for the configuration system, as "--Key=value".</summary>
    public IReadOnlyList<string> ConfigurationArgs { get; }

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        var verb = new List<string>();
        var i = 0;
        while (i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal))
        {
            verb.Add(args[i++]);
        }
        var configuration = new List<string>();
        var parsed = new CommandLine(verb, configuration);
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed._positional.Add(arg);
                continue;
            }
            string name;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
            }
            if (value is null && flagNames.Contains(name))
            {
                parsed._flags.Add(name);
                continue;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{name} needs a value");
                }
                value = args[++i];
            }
            if (ConfigurationSwitches.TryGetValue(name, out var key))
            {
                configuration.Add($"--{key}={value}");
            }
            else if (IsConfigurationKey(name))
            {
                configuration.Add($"{name}={value}");
            }
            else
            {
                if (!parsed._options.TryGetValue(name, out var values))
                {
                    parsed._options[name] = values = [];
                }
                values.Add(value);
            }
        }
        return parsed;
    }

    /// <summary>
    /// Configuration keys are "--Section:Key", "--PascalCaseKey" or the host's own (contentRoot,
    /// applicationName); verb options are lower-case words ("--school").
    /// </summary>
    private static bool IsConfigurationKey(string name) =>
        name.Contains(':', StringComparison.Ordinal) || (name.Length > 2 && char.IsUpper(name[2]))
        || name is "--contentRoot" or "--applicationName";

    public bool Flag(string name) => _flags.Contains(name);

    public string? Optional(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name) => Optional(name) ?? throw new UsageException($"{name} is required");

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>Arguments that are neither the verb nor options (e.g. the FILE of import-people).</summary>
    public IReadOnlyList<string> Positional => _positional;

    /// <summary>Refuses options the verb does not know, so a typo is an error rather than ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        if (_positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{_positional[0]}'");
        }
        AllowOptions(names);
    }

    /// <summary>Like <see cref="AllowOnly"/> but for verbs that also take positional arguments.</summary>
    public void AllowOptions(params string[] names)
    {
        var unknown = _options.Keys.Concat(_flags).Where(n => !names.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option {string.Join(", ", unknown)} for '{string.Join(' ', Verb)}' (accepted: {string.Join(", ", names)})");
        }
    }
}

/// <summary>The command line was wrong: printed with the usage, exit code 3.</summary>
public sealed class UsageException(string message) : Exception(message);
