namespace PostGuard.Core.Findings;

/// <summary>The outcome of analysing a draft revision.</summary>
public enum Decision
{
    Approve = 0,
    Hold = 1,
    Block = 2,
}
