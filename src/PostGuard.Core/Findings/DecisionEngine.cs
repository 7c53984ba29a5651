namespace PostGuard.Core.Findings;

/// <summary>The decision is the worst severity among the findings; info findings never change it.</summary>
public static class DecisionEngine
{
    public static Decision Decide(IEnumerable<Finding> findings)
    {
        var worst = Severity.Info;
        foreach (var finding in findings)
        {
            if (finding.Severity > worst)
            {
                worst = finding.Severity;
            }
        }
        return worst switch
        {
            Severity.Block => Decision.Block,
            Severity.Hold => Decision.Hold,
            _ => Decision.Approve,
        };
    }
}
