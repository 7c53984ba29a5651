using System.Text.Json;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Policy;

/// <summary>Reads a policy from JSON (a file or a database record) and validates every field.</summary>
public static class PolicyLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly HashSet<string> KnownRules = [.. Enumerable.Range(1, 17).Select(i => $"R{i}")];

    /// <summary>The consent rules: always on, never below these severities (the product's safety invariant).</summary>
    private static readonly Dictionary<string, Severity> ConsentRuleFloors = new()
    {
        ["R1"] = Severity.Block,
        ["R2"] = Severity.Hold,
        ["R4"] = Severity.Block,
        ["R5"] = Severity.Block,
    };

    public static string Serialize(SchoolPolicy policy) => JsonSerializer.Serialize(policy, Json);

    /// <summary>Parses and validates; <paramref name="source"/> names the file or record in errors.</summary>
    public static SchoolPolicy Parse(string json, string source)
    {
        SchoolPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<SchoolPolicy>(json, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "(document)";
            throw new PolicyValidationException([$"{source}: {where}: {ex.Message.Split(" Path:")[0]}"]);
        }
        if (policy is null)
        {
            throw new PolicyValidationException([$"{source}: the document is empty"]);
        }
        Validate(policy, source);
        return policy;
    }

    /// <summary>Loads a preset name or a policy file path.</summary>
    public static SchoolPolicy Load(string presetOrPath)
    {
        if (PolicyPresets.Names.Contains(presetOrPath))
        {
            return PolicyPresets.Create(presetOrPath);
        }
        if (!File.Exists(presetOrPath))
        {
            throw new PolicyValidationException([$"policy: '{presetOrPath}' is neither a preset ({string.Join(", ", PolicyPresets.Names)}) nor an existing file"]);
        }
        return Parse(File.ReadAllText(presetOrPath), presetOrPath);
    }

    public static void Validate(SchoolPolicy policy, string source)
    {
        var errors = new List<string>();
        void Error(string field, string message) => errors.Add($"{source}: {field}: {message}");

        if (!PolicyPresets.Names.Contains(policy.Preset))
        {
            Error("preset", $"unknown preset '{policy.Preset}' (expected {string.Join(" or ", PolicyPresets.Names)})");
        }
        if (policy.Channels is null || policy.Channels.Count == 0)
        {
            Error("channels", "at least one official channel is required");
        }
        else
        {
            for (var i = 0; i < policy.Channels.Count; i++)
            {
                if (!Channels.IsKnown(policy.Channels[i]))
                {
                    Error($"channels[{i}]", $"unknown channel '{policy.Channels[i]}' (expected one of {string.Join(", ", Channels.All)})");
                }
            }
            if (policy.Channels.Distinct(StringComparer.Ordinal).Count() != policy.Channels.Count)
            {
                Error("channels", "a channel is listed twice");
            }
        }
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            Error("timeZone", $"unknown time zone '{policy.TimeZone}'");
        }
        foreach (var (rule, setting) in policy.Rules ?? new Dictionary<string, RuleSetting>())
        {
            if (!KnownRules.Contains(rule))
            {
                Error($"rules.{rule}", "unknown rule id (expected R1..R17)");
            }
            if (setting.Severity is { } severity && !Enum.IsDefined(severity))
            {
                Error($"rules.{rule}.severity", "unknown severity");
            }
            else if (ConsentRuleFloors.TryGetValue(rule, out var floor))
            {
                if (!setting.Enabled)
                {
                    Error($"rules.{rule}.enabled", $"{rule} protects children and staff in photos and cannot be switched off");
                }
                if (setting.Severity is { } lowered && lowered < floor)
                {
                    Error($"rules.{rule}.severity", $"{rule} cannot be less than {floor} (a photo must never be approved while a face is unaccounted for or shows someone without consent)");
                }
            }
        }
        if (policy.Faces is null)
        {
            Error("faces", "is required");
        }
        else
        {
            if (policy.Faces.MinFacePixels is < 4 or > 1000)
            {
                Error("faces.minFacePixels", $"must be between 4 and 1000 (was {policy.Faces.MinFacePixels})");
            }
            if (policy.Faces.MinScore is < 0.05 or > 1.0 || double.IsNaN(policy.Faces.MinScore))
            {
                Error("faces.minScore", $"must be between 0.05 and 1 (was {policy.Faces.MinScore})");
            }
            foreach (var (channel, width) in policy.Faces.DisplayWidths ?? new Dictionary<string, int>())
            {
                if (!Channels.IsKnown(channel))
                {
                    Error($"faces.displayWidths.{channel}", "unknown channel");
                }
                if (width is < 64 or > 10000)
                {
                    Error($"faces.displayWidths.{channel}", $"must be between 64 and 10000 pixels (was {width})");
                }
            }
        }
        for (var i = 0; i < (policy.AllowedLinkDomains?.Count ?? 0); i++)
        {
            var domain = policy.AllowedLinkDomains![i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains('/') || domain.Contains(' '))
            {
                Error($"allowedLinkDomains[{i}]", $"'{domain}' is not a domain name");
            }
        }
        if (errors.Count > 0)
        {
            throw new PolicyValidationException(errors);
        }
    }

    /// <summary>Severity names accepted in policy files, for error messages.</summary>
    public static string SeverityNames => string.Join(", ", Enum.GetNames<Severity>());
}
