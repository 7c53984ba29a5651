namespace PostGuard.Core.Findings;

/// <summary>How serious a finding is. Ordered: the decision is the worst severity found.</summary>
public enum Severity
{
    /// <summary>Reported for the approver's information; does not change the decision.</summary>
    Info = 0,
    /// <summary>A person (the approver) must look before the post goes out.</summary>
    Hold = 1,
    /// <summary>Nobody may publish the post in this form; the draft must change.</summary>
    Block = 2,
}
