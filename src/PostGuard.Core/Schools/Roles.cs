namespace PostGuard.Core.Schools;

/// <summary>The four staff roles of PRODUCT.md.</summary>
public static class Roles
{
    /// <summary>The designated member of staff who submits drafts (R14).</summary>
    public const string Uploader = "uploader";
    /// <summary>The headteacher: approves, rejects, redacts (R14, R17).</summary>
    public const string Approver = "approver";
    /// <summary>School office / DSL: people register and consent records.</summary>
    public const string ConsentAdmin = "consent-admin";
    /// <summary>DSL, governors: read the audit trail.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Uploader, Approver, ConsentAdmin, Auditor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
