namespace PostGuard.Core.Submissions;

/// <summary>Where a draft revision is in the pipeline.</summary>
public enum DraftStatus
{
    /// <summary>Stored; its AnalyzeDraft message is (or will be, by the reconciler) on the queue.</summary>
    Submitted,
    /// <summary>A worker has started the checks.</summary>
    Analysing,
    /// <summary>The revision has its one decision.</summary>
    Decided,
}

/// <summary>What a person has done with a decided draft.</summary>
public enum ReviewState
{
    /// <summary>Not decided yet.</summary>
    None,
    /// <summary>In the approver's review queue (Block, Hold, or clean but sign-off required).</summary>
    Pending,
    Approved,
    /// <summary>Clean, and the school's policy approves clean drafts without sign-off (R17).</summary>
    AutoApproved,
    Rejected,
}
