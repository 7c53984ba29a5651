using PostGuard.Core.Policy;

namespace PostGuard.Core.Tests.Policy;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void Presets_round_trip_through_json()
    {
        foreach (var preset in PolicyPresets.Names)
        {
            var policy = PolicyPresets.Create(preset, [Channels.Instagram, Channels.LinkedIn]);
            var loaded = PolicyLoader.Parse(PolicyLoader.Serialize(policy), "test");
            Assert.Equal(preset, loaded.Preset);
            Assert.Equal([Channels.Instagram, Channels.LinkedIn], loaded.Channels);
            Assert.Equal(policy.AllowPhotosOfPeople, loaded.AllowPhotosOfPeople);
        }
    }

    [Fact]
    public void Strict_preset_forbids_photos_and_staff_names()
    {
        var strict = PolicyPresets.CreateStrict();
        Assert.False(strict.AllowPhotosOfPeople);
        Assert.False(strict.AllowStaffNames);
        Assert.False(strict.AutoApproveClean);
    }

    [Fact]
    public void Every_invalid_field_is_named_in_the_error()
    {
        const string json = """
            {
              "preset": "relaxed",
              "channels": ["instagram", "tiktok"],
              "timeZone": "Mars/Olympus",
              "rules": { "R99": { "enabled": true } },
              "faces": { "minFacePixels": 0, "minScore": 2, "displayWidths": { "instagram": 10 } },
              "allowedLinkDomains": ["https://example.org/x"]
            }
            """;
        var error = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(json, "mersham.json"));
        string[] fields = ["preset", "channels[1]", "timeZone", "rules.R99", "faces.minFacePixels", "faces.minScore", "faces.displayWidths.instagram", "allowedLinkDomains[0]"];
        foreach (var field in fields)
        {
            Assert.Contains(error.Errors, e => e.StartsWith($"mersham.json: {field}:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Unknown_property_and_wrong_type_are_refused_with_their_path()
    {
        var unknown = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse("""{"preset":"strict","channels":["website"],"autoApprove":true}""", "p.json"));
        Assert.Contains("autoApprove", unknown.Errors[0]);
        var wrongType = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse("""{"preset":"strict","channels":"website"}""", "p.json"));
        Assert.StartsWith("p.json: channels:", wrongType.Errors[0]);
    }

    [Fact]
    public void Unknown_preset_name_or_missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load("/no/such/policy.json"));
        Assert.Contains("neither a preset", error.Errors[0]);
    }

    [Fact]
    public void The_consent_rules_cannot_be_switched_off_or_lowered()
    {
        const string json = """
            {
              "preset": "consent-based",
              "channels": ["instagram"],
              "rules": { "R1": { "severity": "Hold" }, "R2": { "enabled": false }, "R4": { "severity": "Info" }, "R5": { "enabled": false }, "R8": { "enabled": false } }
            }
            """;
        var error = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Parse(json, "p.json"));
        Assert.Contains(error.Errors, e => e.StartsWith("p.json: rules.R1.severity:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("p.json: rules.R2.enabled:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("p.json: rules.R4.severity:", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("p.json: rules.R5.enabled:", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Errors, e => e.Contains("R8", StringComparison.Ordinal));
        Assert.Equal(Core.Findings.Severity.Block, PolicyLoader.Parse("""{"preset":"consent-based","channels":["instagram"],"rules":{"R2":{"severity":"Block"}}}""", "p.json").SeverityFor("R2", Core.Findings.Severity.Hold));
    }
}
