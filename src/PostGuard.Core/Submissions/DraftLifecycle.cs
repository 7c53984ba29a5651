using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging;
using PostGuard.Core.Analysis;
using PostGuard.Core.Audit;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Consent;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Persistence;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;

namespace PostGuard.Core.Submissions;

/// <summary>
/// The one owner of a draft's life: every change to a draft's state, its decision and its review item
/// goes through a named method here, in one transaction with its audit entry.
/// <code>
/// submit ─▶ Submitted ─start─▶ Analysing ─decide─▶ Decided ┬ Pending ─approve─▶ Approved
///              ▲                                          │         ─reject──▶ Rejected
///              └──────────────── resubmit ────────────────┤         ─approve redacted─▶ Approved (next revision)
///                                                         └ AutoApproved (clean, policy allows)
/// consent withdrawn or refused: a notice on the current revision in any state (Block; a takedown
/// if it was approved), back in the approver's queue
/// </code>
/// Changes use optimistic concurrency (the draft's version); a lost race is one
/// <see cref="ReviewConflictException"/> with <see cref="ConflictMessage"/>. Decisions are atomic with
/// consent: each records the school's consent version it was computed from, and the transaction that
/// stores it reads that version under a lock that orders it against every consent change; if it moved,
/// the checks run again on the already-inspected photos with the register as it is now.
/// </summary>
public sealed class DraftLifecycle(
    Database database,
    DraftStore drafts,
    PeopleStore people,
    AuditTrail audit,
    TimeProvider time,
    ILogger<DraftLifecycle> logger)
{
    public const string ConflictMessage = "Someone else changed this draft at the same moment; reload it and try again.";

    private const string SystemActor = "postguard";

    /// <summary>A new draft, revision 1, status Submitted (the caller then sends AnalyzeDraft).</summary>
    public async Task<DraftRecord> SubmitAsync(StaffUser uploader, string schoolId, PreparedDraft prepared, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = new DraftRecord
        {
            Id = Guid.NewGuid(),
            SchoolId = schoolId,
            CreatedBy = uploader.Id,
            Revision = 1,
            Status = DraftStatus.Submitted,
            ReviewState = ReviewState.None,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        var revision = prepared.AsRevision(record.Id, 1, uploader, now);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Command(
                """
                INSERT INTO drafts (id, school_id, created_by, revision, status, decision, review_state, earliest_publish_at, created_at, updated_at, version)
                VALUES (@Id, @SchoolId, @CreatedBy, @Revision, @Status, NULL, @ReviewState, NULL, @CreatedAt, @UpdatedAt, @Version)
                """,
                new
                {
                    Id = record.Id.ToString(), record.SchoolId, CreatedBy = record.CreatedBy.ToString(), record.Revision,
                    Status = record.Status.ToString(), ReviewState = record.ReviewState.ToString(), record.CreatedAt, record.UpdatedAt, record.Version,
                }, transaction, cancellationToken));
            await drafts.InsertRevisionAsync(connection, transaction, schoolId, revision, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(schoolId, uploader.Email, "draft.submitted", record.Id, 1, new JsonObject
            {
                ["channels"] = string.Join(",", revision.Channels),
                ["images"] = revision.Images.Count,
                ["tags"] = revision.Images.Sum(i => i.Tags.Count),
            }), cancellationToken);
            return 0;
        }, cancellationToken);
        return record;
    }

    /// <summary>
    /// The uploader's edited draft as the next revision, status Submitted. Only a decided revision can
    /// be replaced, and only at the version the uploader edited (else a conflict); the previous revision
    /// leaves the queue, its decision and the actions on it stay in the history.
    /// </summary>
    public async Task<DraftRecord> ResubmitAsync(StaffUser uploader, string schoolId, Guid draftId, int expectedVersion, PreparedDraft prepared, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var latest = await FindForChangeAsync(connection, transaction, schoolId, draftId, cancellationToken);
            if (latest.Status != DraftStatus.Decided)
            {
                throw new ReviewConflictException($"Draft revision {latest.Revision} is still being analysed ({latest.Status}); wait for its decision before resubmitting.");
            }
            if (latest.Version != expectedVersion)
            {
                throw new ReviewConflictException(ConflictMessage);
            }
            var next = latest.Revision + 1;
            var revision = prepared.AsRevision(draftId, next, uploader, now);
            await drafts.InsertRevisionAsync(connection, transaction, schoolId, revision, cancellationToken);
            await UpdateDraftAsync(connection, transaction, latest,
                "revision = @next, status = 'Submitted', decision = NULL, review_state = 'None', earliest_publish_at = NULL",
                new { next }, now, cancellationToken);
            await ResolveReviewItemsAsync(connection, transaction, draftId, null, "Superseded", now, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(schoolId, uploader.Email, "draft.resubmitted", draftId, next, new JsonObject
            {
                ["previousRevision"] = latest.Revision,
                ["previousDecision"] = latest.Decision?.ToString(),
                ["previousReviewState"] = latest.ReviewState.ToString(),
                ["channels"] = string.Join(",", revision.Channels),
                ["images"] = revision.Images.Count,
                ["tags"] = revision.Images.Sum(i => i.Tags.Count),
            }), cancellationToken);
            return latest with
            {
                Revision = next,
                Status = DraftStatus.Submitted,
                Decision = null,
                ReviewState = ReviewState.None,
                EarliestPublishAt = null,
                UpdatedAt = now,
                Version = latest.Version + 1,
            };
        }, cancellationToken);
    }

    /// <summary>Submitted → Analysing; false when the revision is no longer current or already decided.</summary>
    public async Task<bool> StartAnalysisAsync(Guid draftId, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(database.Command(
            """
            UPDATE drafts SET status = 'Analysing', updated_at = @now, version = version + 1
            WHERE id = @draftId AND revision = @revision AND status IN ('Submitted', 'Analysing')
            """,
            new { draftId = draftId.ToString(), revision, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Marks a stuck draft as just sent again, so the reconciler does not resend it at once.</summary>
    public async Task TouchStuckAsync(Guid draftId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Command(
            "UPDATE drafts SET updated_at = @now WHERE id = @draftId AND status IN ('Submitted', 'Analysing')",
            new { draftId = draftId.ToString(), now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Analysing → Decided: stores the revision's one decision (a redelivered message changes nothing)
    /// with the notices recorded while it was analysed, and, when it needs a person, its review item.
    /// If the school's consent records changed since the analysis read them, the checks run again on
    /// the inspected photos with the register as it is now, before anything is stored.
    /// </summary>
    public Task<AnalysisOutcome> DecideAsync(AnalysisToStore analysis, CancellationToken cancellationToken) =>
        StoreDecisionAsync(analysis, cancellationToken);

    /// <summary>Fail closed when the analysis keeps failing: the revision is decided Hold "analysis incomplete".</summary>
    public Task<AnalysisOutcome> HoldForFailureAsync(Guid draftId, int revision, string schoolId, string why, CancellationToken cancellationToken) =>
        StoreDecisionAsync(new AnalysisToStore(draftId, revision, schoolId, new DraftAnalysis(Decision.Hold, [Finding.AnalysisIncomplete("worker", why)], []), ConsentVersion: null, AutoApproveClean: false, Recheck: null), cancellationToken);

    /// <summary>
    /// Pending → Approved. A Block can never be approved. The photos' consent is confirmed again in the
    /// same transaction, with the register as it is now and on the later of the planned publish time
    /// and <paramref name="earliestPublishAt"/>: a consent that lapsed or changed since the decision refuses.
    /// </summary>
    public async Task<DraftRecord> ApproveAsync(StaffUser approver, School school, Guid draftId, string? reason, DateTimeOffset? earliestPublishAt, CancellationToken cancellationToken)
    {
        ValidateReason(reason);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            await people.ConsentVersionAsync(connection, transaction, school.Id, cancellationToken, lockForDecision: true);
            var register = await people.LoadRegisterAsync(connection, transaction, school.Id, cancellationToken);
            var draft = await FindForChangeAsync(connection, transaction, school.Id, draftId, cancellationToken);
            var decision = await PendingDecisionAsync(connection, transaction, draft, approving: true, cancellationToken);
            var revision = await drafts.FindRevisionAsync(connection, transaction, draftId, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(draftId);
            var now = time.GetUtcNow();
            await ConfirmConsentAsync(revision, decision, school, register, new[] { revision.PublishAt, earliestPublishAt }.Max() ?? now, cancellationToken);
            await UpdateDraftAsync(connection, transaction, draft, "review_state = 'Approved', earliest_publish_at = @earliestPublishAt", new { earliestPublishAt }, now, cancellationToken);
            await ResolveReviewItemsAsync(connection, transaction, draftId, draft.Revision, nameof(ReviewState.Approved), now, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(school.Id, approver.Email, "draft.approved", draftId, draft.Revision,
                ReviewDetails(draft.Decision, reason, earliestPublishAt)), cancellationToken);
            return draft with { ReviewState = ReviewState.Approved, EarliestPublishAt = earliestPublishAt, Version = draft.Version + 1, UpdatedAt = now };
        }, cancellationToken);
    }

    /// <summary>Pending → Rejected, with the reason the uploader reads.</summary>
    public async Task<DraftRecord> RejectAsync(StaffUser approver, Guid draftId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InputValidationException("reason", "a reason for the uploader is required when rejecting");
        }
        ValidateReason(reason);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var draft = await FindForChangeAsync(connection, transaction, approver.SchoolId, draftId, cancellationToken);
            await PendingDecisionAsync(connection, transaction, draft, approving: false, cancellationToken);
            var now = time.GetUtcNow();
            await UpdateDraftAsync(connection, transaction, draft, "review_state = 'Rejected'", null, now, cancellationToken);
            await ResolveReviewItemsAsync(connection, transaction, draftId, draft.Revision, nameof(ReviewState.Rejected), now, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(approver.SchoolId, approver.Email, "draft.rejected", draftId, draft.Revision,
                ReviewDetails(draft.Decision, reason, null)), cancellationToken);
            return draft with { ReviewState = ReviewState.Rejected, Version = draft.Version + 1, UpdatedAt = now };
        }, cancellationToken);
    }

    /// <summary>
    /// Pending → a redacted next revision, decided by its re-check and approved, if that re-check does not
    /// Block. Atomic with consent like every decision: if consent changed since the re-check read the
    /// register, it runs again first. Refused (nothing stored) when the draft moved on meanwhile.
    /// </summary>
    public async Task<RedactedRevision> ApproveRedactedAsync(StaffUser approver, RedactedVersion redacted, CancellationToken cancellationToken)
    {
        ValidateReason(redacted.Reason);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var consentVersion = await people.ConsentVersionAsync(connection, transaction, approver.SchoolId, cancellationToken, lockForDecision: true);
            var latest = await FindForChangeAsync(connection, transaction, approver.SchoolId, redacted.DraftId, cancellationToken);
            if (latest.Version != redacted.ExpectedVersion)
            {
                throw new ReviewConflictException(ConflictMessage);
            }
            await PendingDecisionAsync(connection, transaction, latest, approving: false, cancellationToken);
            var analysis = redacted.Recheck;
            if (consentVersion != redacted.Recheck.ConsentVersion)
            {
                var register = await people.LoadRegisterAsync(connection, transaction, approver.SchoolId, cancellationToken);
                logger.LogInformation("Consent changed while the redacted version of {DraftId} was checked; checking it again", redacted.DraftId);
                analysis = redacted.Recheck with { Analysis = await redacted.Recheck.Recheck!(register, cancellationToken), ConsentVersion = register.ConsentVersion };
            }
            if (analysis.Analysis.Decision == Decision.Block)
            {
                throw new ReviewConflictException($"The redacted version still blocks, so it cannot be approved; the draft must change. {BlockReasons(analysis.Analysis.Findings)}".Trim());
            }
            var now = time.GetUtcNow();
            var next = latest.Revision + 1;
            await drafts.InsertRevisionAsync(connection, transaction, approver.SchoolId, redacted.Content with
            {
                DraftId = redacted.DraftId,
                Revision = next,
                SubmittedBy = approver.Id,
                SubmittedAt = now,
            }, cancellationToken);
            var stored = new StoredDecision(analysis.Analysis.Decision, analysis.Analysis.Findings, analysis.Analysis.Images, now) { ConsentVersion = analysis.ConsentVersion ?? consentVersion };
            await InsertDecisionAsync(connection, transaction, redacted.DraftId, next, stored, cancellationToken);
            await UpdateDraftAsync(connection, transaction, latest,
                "revision = @next, status = 'Decided', decision = @decision, review_state = 'Approved', earliest_publish_at = @earliestPublishAt",
                new { next, decision = stored.Decision.ToString(), earliestPublishAt = redacted.EarliestPublishAt }, now, cancellationToken);
            await ResolveReviewItemsAsync(connection, transaction, redacted.DraftId, null, "ApprovedRedacted", now, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(approver.SchoolId, SystemActor, "draft.decided", redacted.DraftId, next, DecidedDetails(stored, ReviewState.Approved, consentRechecked: analysis != redacted.Recheck)), cancellationToken);
            var details = ReviewDetails(latest.Decision, redacted.Reason, redacted.EarliestPublishAt);
            details["fromRevision"] = latest.Revision;
            details["recheckDecision"] = stored.Decision.ToString();
            details["facesBlurred"] = redacted.FacesBlurred;
            details["facesKept"] = redacted.FacesKept;
            await audit.AppendAsync(connection, transaction, new AuditEvent(approver.SchoolId, approver.Email, "draft.approved-redacted", redacted.DraftId, next, details), cancellationToken);
            var record = latest with
            {
                Revision = next,
                Status = DraftStatus.Decided,
                Decision = stored.Decision,
                ReviewState = ReviewState.Approved,
                EarliestPublishAt = redacted.EarliestPublishAt,
                UpdatedAt = now,
                Version = latest.Version + 1,
            };
            return new RedactedRevision(record, stored);
        }, cancellationToken);
    }

    /// <summary>
    /// R4: a withdrawal or refusal takes effect at once, in the transaction that records it, for every
    /// draft whose current revision tags the person, whatever its state: a notice (Block) on that
    /// revision. A decided revision's stored decision becomes Block with the notice and goes back to the
    /// approver's queue (a takedown if it was approved); a revision still being analysed is decided with
    /// the notice. Returns the drafts flagged.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ApplyConsentChangeAsync(DbConnection connection, DbTransaction transaction, StaffUser actor, Person person, ConsentRecord record, CancellationToken cancellationToken)
    {
        var flagged = new List<Guid>();
        var now = time.GetUtcNow();
        foreach (var draftId in await people.DraftsTaggingAsync(connection, transaction, actor.SchoolId, person.Id, cancellationToken))
        {
            var draft = await FindForChangeAsync(connection, transaction, actor.SchoolId, draftId, cancellationToken);
            var tagsPerson = await connection.ExecuteScalarAsync<long>(database.Command(
                "SELECT COUNT(*) FROM draft_tags WHERE draft_id = @draftId AND revision = @revision AND person_id = @personId",
                new { draftId = draftId.ToString(), revision = draft.Revision, personId = person.Id.ToString() }, transaction, cancellationToken));
            if (tagsPerson == 0)
            {
                continue; // resubmitted meanwhile without the person
            }
            var wasApproved = draft.ReviewState is ReviewState.Approved or ReviewState.AutoApproved;
            var notice = new Finding("R4", Severity.Block,
                $"{record.Use} consent for {person.DisplayName} was {record.Status.ToString().ToLowerInvariant()} by {record.GivenBy} on {record.ValidFrom:d MMMM yyyy}" +
                (wasApproved ? "; this post was approved and must be taken down wherever it was published." : "; this draft cannot be published as it is."),
                new JsonObject { ["person"] = new JsonObject { ["id"] = person.Id.ToString(), ["name"] = person.DisplayName }, ["use"] = record.Use, ["takedown"] = wasApproved },
                wasApproved ? $"Take the post down now, then resubmit without {person.DisplayName} or with their face blurred." : $"Remove the photo of {person.DisplayName} or blur their face, and resubmit.");
            await connection.ExecuteAsync(database.Command(
                "INSERT INTO draft_notices (draft_id, revision, finding_json, created_at) VALUES (@draftId, @revision, @finding, @now)",
                new { draftId = draftId.ToString(), revision = draft.Revision, finding = Json.Serialize(notice), now }, transaction, cancellationToken));
            if (draft.Status == DraftStatus.Decided)
            {
                var stored = await drafts.FindDecisionAsync(connection, transaction, draftId, draft.Revision, cancellationToken)
                    ?? throw new InvalidOperationException($"Draft {draftId} r{draft.Revision} is Decided without a decision");
                List<Finding> findings = [.. stored.Findings, notice];
                await connection.ExecuteAsync(database.Command(
                    "UPDATE decisions SET decision = @decision, findings_json = @findings WHERE draft_id = @draftId AND revision = @revision",
                    new { decision = DecisionEngine.Decide(findings).ToString(), findings = Json.Serialize(findings), draftId = draftId.ToString(), revision = draft.Revision }, transaction, cancellationToken));
                var requeue = draft.ReviewState != ReviewState.Rejected;
                await UpdateDraftAsync(connection, transaction, draft, requeue ? "decision = 'Block', review_state = 'Pending'" : "decision = 'Block'", null, now, cancellationToken);
                if (requeue)
                {
                    await connection.ExecuteAsync(database.Command(
                        """
                        INSERT INTO review_items (draft_id, revision, school_id, decision, queued_at) VALUES (@draftId, @revision, @schoolId, 'Block', @now)
                        ON CONFLICT (draft_id, revision) DO UPDATE SET decision = 'Block', queued_at = @now, resolved_at = NULL, resolution = NULL
                        """,
                        new { draftId = draftId.ToString(), revision = draft.Revision, schoolId = actor.SchoolId, now }, transaction, cancellationToken));
                }
            }
            await audit.AppendAsync(connection, transaction, new AuditEvent(actor.SchoolId, actor.Email, wasApproved ? "draft.takedown" : "draft.blocked-by-consent", draftId, draft.Revision, new JsonObject
            {
                ["personId"] = person.Id.ToString(),
                ["use"] = record.Use,
                ["status"] = record.Status.ToString().ToLowerInvariant(),
                ["draftStatus"] = draft.Status.ToString(),
                ["previousDecision"] = draft.Decision?.ToString(),
                ["previousReviewState"] = draft.ReviewState.ToString(),
            }), cancellationToken);
            flagged.Add(draftId);
        }
        return flagged;
    }

    private async Task<AnalysisOutcome> StoreDecisionAsync(AnalysisToStore toStore, CancellationToken cancellationToken)
    {
        var outcome = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var consentVersion = await people.ConsentVersionAsync(connection, transaction, toStore.SchoolId, cancellationToken, lockForDecision: true);
            var draft = await drafts.FindAsync(connection, transaction, toStore.SchoolId, toStore.DraftId, cancellationToken, forUpdate: true);
            if (draft is null || draft.Revision != toStore.Revision)
            {
                return new AnalysisOutcome(AnalysisResultKind.Stale);
            }
            if (draft.Status == DraftStatus.Decided)
            {
                return new AnalysisOutcome(AnalysisResultKind.AlreadyDecided);
            }
            var analysis = toStore.Analysis;
            var rechecked = false;
            if (toStore.Recheck is not null && toStore.ConsentVersion != consentVersion)
            {
                var register = await people.LoadRegisterAsync(connection, transaction, toStore.SchoolId, cancellationToken);
                logger.LogInformation("Consent records of {School} changed while draft {DraftId} r{Revision} was analysed (version {Read} → {Now}); checking its photos again",
                    toStore.SchoolId, toStore.DraftId, toStore.Revision, toStore.ConsentVersion, consentVersion);
                analysis = await toStore.Recheck(register, cancellationToken);
                rechecked = true;
            }
            var notices = await connection.QueryAsync<string>(database.Command(
                "SELECT finding_json FROM draft_notices WHERE draft_id = @draftId AND revision = @revision ORDER BY id",
                new { draftId = toStore.DraftId.ToString(), revision = toStore.Revision }, transaction, cancellationToken));
            List<Finding> findings = [.. analysis.Findings, .. notices.Select(Json.Deserialize<Finding>)];
            var decision = DecisionEngine.Decide(findings);
            var needsReview = decision != Decision.Approve || !toStore.AutoApproveClean;
            var reviewState = needsReview ? ReviewState.Pending : ReviewState.AutoApproved;
            var now = time.GetUtcNow();
            var stored = new StoredDecision(decision, findings, analysis.Images, now) { ConsentVersion = consentVersion };
            if (!await InsertDecisionAsync(connection, transaction, toStore.DraftId, toStore.Revision, stored, cancellationToken))
            {
                return new AnalysisOutcome(AnalysisResultKind.AlreadyDecided);
            }
            await UpdateDraftAsync(connection, transaction, draft, "status = 'Decided', decision = @decision, review_state = @reviewState",
                new { decision = decision.ToString(), reviewState = reviewState.ToString() }, now, cancellationToken);
            if (needsReview)
            {
                await connection.ExecuteAsync(database.Command(
                    """
                    INSERT INTO review_items (draft_id, revision, school_id, decision, queued_at)
                    VALUES (@draftId, @revision, @schoolId, @decision, @now)
                    ON CONFLICT (draft_id, revision) DO NOTHING
                    """,
                    new { draftId = toStore.DraftId.ToString(), revision = toStore.Revision, schoolId = toStore.SchoolId, decision = decision.ToString(), now },
                    transaction, cancellationToken));
            }
            await audit.AppendAsync(connection, transaction, new AuditEvent(toStore.SchoolId, SystemActor, "draft.decided", toStore.DraftId, toStore.Revision,
                DecidedDetails(stored, reviewState, rechecked)), cancellationToken);
            return new AnalysisOutcome(AnalysisResultKind.Decided, decision, needsReview, now);
        }, cancellationToken);
        if (outcome.Kind == AnalysisResultKind.Decided)
        {
            logger.LogInformation("Draft {DraftId} r{Revision} decided {Decision}", toStore.DraftId, toStore.Revision, outcome.Decision);
        }
        else
        {
            logger.LogInformation("Draft {DraftId} r{Revision}: {Kind}; this delivery changes nothing", toStore.DraftId, toStore.Revision, outcome.Kind);
        }
        return outcome;
    }

    /// <summary>The draft, read to be changed: on PostgreSQL its row is locked until the transaction ends.</summary>
    private async Task<DraftRecord> FindForChangeAsync(DbConnection connection, DbTransaction transaction, string schoolId, Guid draftId, CancellationToken cancellationToken) =>
        await drafts.FindAsync(connection, transaction, schoolId, draftId, cancellationToken, forUpdate: true) ?? throw new DraftNotFoundException(draftId);

    /// <summary>The decided, pending revision's decision; otherwise why the approver cannot act on it.</summary>
    private async Task<StoredDecision> PendingDecisionAsync(DbConnection connection, DbTransaction transaction, DraftRecord draft, bool approving, CancellationToken cancellationToken)
    {
        if (draft.Status != DraftStatus.Decided)
        {
            throw new ReviewConflictException($"Draft revision {draft.Revision} is still being analysed ({draft.Status}); wait for its decision.");
        }
        var decision = await drafts.FindDecisionAsync(connection, transaction, draft.Id, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(draft.Id);
        if (approving && decision.Decision == Decision.Block)
        {
            throw new ReviewConflictException($"A blocked draft cannot be approved; the draft must change. {BlockReasons(decision.Findings)}".Trim());
        }
        if (draft.ReviewState != ReviewState.Pending)
        {
            throw new ReviewConflictException($"Draft revision {draft.Revision} is already {draft.ReviewState.ToString().ToLowerInvariant()}.");
        }
        return decision;
    }

    /// <summary>The consent of everyone in the photos, again, as the register is now and for when the post may go out.</summary>
    private static async Task ConfirmConsentAsync(DraftRevision revision, StoredDecision decision, School school, PeopleRegister register, DateTimeOffset publishAt, CancellationToken cancellationToken)
    {
        var images = revision.Images
            .Select(image => new ImageUnderCheck
            {
                Index = image.Position,
                FileName = image.FileName,
                Content = ReadOnlyMemory<byte>.Empty,
                Tags = image.Tags,
                Report = decision.Images.FirstOrDefault(r => r.Index == image.Position),
            })
            .Where(i => i.Report is not null)
            .ToList();
        var draft = DraftUnderCheck.For(revision, images, school.Policy, register, decision.DecidedAt) with { PublishAt = publishAt };
        var blocks = (await new FacesCheck().RunAsync(draft, cancellationToken)).Where(f => f.Severity == Severity.Block).ToList();
        if (blocks.Count > 0)
        {
            throw new ReviewConflictException($"Consent has changed since this draft was decided, so it cannot be approved as it is. {BlockReasons(blocks)}".Trim());
        }
    }

    private async Task<bool> InsertDecisionAsync(DbConnection connection, DbTransaction transaction, Guid draftId, int revision, StoredDecision decision, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(database.Command(
            """
            INSERT INTO decisions (draft_id, revision, decision, findings_json, images_json, decided_at, consent_version)
            VALUES (@draftId, @revision, @decision, @findings, @images, @decidedAt, @consentVersion)
            ON CONFLICT (draft_id, revision) DO NOTHING
            """,
            new
            {
                draftId = draftId.ToString(), revision, decision = decision.Decision.ToString(),
                findings = Json.Serialize(decision.Findings), images = Json.Serialize(decision.Images), decidedAt = decision.DecidedAt,
                consentVersion = decision.ConsentVersion,
            }, transaction, cancellationToken)) == 1;

    /// <summary>Changes the draft's row if it still has the version read (optimistic concurrency), else a conflict.</summary>
    private async Task UpdateDraftAsync(DbConnection connection, DbTransaction transaction, DraftRecord draft, string set, object? parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = new DynamicParameters(parameters);
        values.AddDynamicParams(new { id = draft.Id.ToString(), version = draft.Version, now });
        var changed = await connection.ExecuteAsync(database.Command(
            $"UPDATE drafts SET {set}, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version", values, transaction, cancellationToken));
        if (changed != 1)
        {
            throw new ReviewConflictException(ConflictMessage);
        }
    }

    private Task ResolveReviewItemsAsync(DbConnection connection, DbTransaction transaction, Guid draftId, int? revision, string resolution, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(database.Command(
            "UPDATE review_items SET resolved_at = @now, resolution = @resolution WHERE draft_id = @draftId AND (@revision IS NULL OR revision = @revision) AND resolved_at IS NULL",
            new { now, resolution, draftId = draftId.ToString(), revision }, transaction, cancellationToken));

    private static void ValidateReason(string? reason)
    {
        if (reason is { Length: > 2000 })
        {
            throw new InputValidationException("reason", $"is {reason.Length} characters; the limit is 2000");
        }
    }

    private static string BlockReasons(IEnumerable<Finding> findings) =>
        string.Join(" ", findings.Where(f => f.Severity == Severity.Block).Select(f => $"{f.Rule}: {f.Reason}"));

    private static JsonObject ReviewDetails(Decision? decision, string? reason, DateTimeOffset? earliestPublishAt)
    {
        var details = new JsonObject { ["decision"] = decision?.ToString(), ["reason"] = reason ?? "" };
        if (earliestPublishAt is { } earliest)
        {
            details["earliestPublishAt"] = earliest.ToString("O");
        }
        return details;
    }

    private static JsonObject DecidedDetails(StoredDecision stored, ReviewState reviewState, bool consentRechecked) => new()
    {
        ["decision"] = stored.Decision.ToString(),
        ["findings"] = stored.Findings.Count,
        ["rules"] = string.Join(",", stored.Findings.Select(f => f.Rule).Distinct()),
        ["reviewState"] = reviewState.ToString(),
        ["consentVersion"] = stored.ConsentVersion,
        ["consentRechecked"] = consentRechecked,
    };
}

/// <summary>
/// A finished analysis waiting to be stored. <paramref name="ConsentVersion"/> is the consent version
/// of the register it read (null: consent played no part); <paramref name="Recheck"/> runs the checks
/// again on the inspected photos with another register (null: nothing to recheck).
/// </summary>
public sealed record AnalysisToStore(Guid DraftId, int Revision, string SchoolId, DraftAnalysis Analysis, long? ConsentVersion, bool AutoApproveClean, Func<PeopleRegister, CancellationToken, Task<DraftAnalysis>>? Recheck);

/// <summary>The redacted version the approver chose, re-checked, waiting to be stored and approved.</summary>
/// <param name="Content">The redacted revision's content (its draft id, number and submitter are set when stored).</param>
public sealed record RedactedVersion(Guid DraftId, int ExpectedVersion, DraftRevision Content, AnalysisToStore Recheck, string? Reason, DateTimeOffset? EarliestPublishAt, int FacesBlurred, int FacesKept);

/// <summary>What an approved redacted version became: the draft at its new revision and that revision's decision.</summary>
public sealed record RedactedRevision(DraftRecord Draft, StoredDecision Decision);
