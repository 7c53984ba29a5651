using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Drafts;

/// <summary>The draft pipeline on the embedded defaults: SQLite and the in-memory bus.</summary>
public sealed class SqliteInMemoryPipelineTests(SqliteInMemoryFixture fixture) : DraftPipelineScenarios(fixture), IClassFixture<SqliteInMemoryFixture>
{
    [Fact] public Task Clean_draft_is_decided_then_approved_and_audited_() => Clean_draft_is_decided_then_approved_and_audited();
    [Fact] public Task Comments_enabled_blocks_and_a_block_cannot_be_approved_() => Comments_enabled_blocks_and_a_block_cannot_be_approved();
    [Fact] public Task Channel_outside_the_school_list_blocks_and_queue_is_worst_first_() => Channel_outside_the_school_list_blocks_and_queue_is_worst_first();
    [Fact] public Task Photo_with_untagged_faces_is_held_with_the_face_boxes_() => Photo_with_untagged_faces_is_held_with_the_face_boxes();
    [Fact] public Task Draft_with_many_photos_is_decided_with_every_photo_checked_() => Draft_with_many_photos_is_decided_with_every_photo_checked();
    [Fact] public Task Truncated_photo_holds_as_analysis_incomplete_() => Truncated_photo_holds_as_analysis_incomplete();
    [Fact] public Task Two_approvers_at_once_one_wins_and_the_other_gets_409_() => Two_approvers_at_once_one_wins_and_the_other_gets_409();
    [Fact] public Task Approve_and_resubmit_while_a_revision_is_analysed_get_409_and_a_stale_message_changes_nothing_() => Approve_and_resubmit_while_a_revision_is_analysed_get_409_and_a_stale_message_changes_nothing();
    [Fact] public Task Wrong_role_gets_403_and_nothing_changes_() => Wrong_role_gets_403_and_nothing_changes();
    [Fact] public Task Another_schools_draft_is_404_not_403_() => Another_schools_draft_is_404_not_403();
    [Fact] public Task Bad_input_gets_a_400_naming_the_field_and_stores_nothing_() => Bad_input_gets_a_400_naming_the_field_and_stores_nothing();
    [Fact] public Task Redelivered_AnalyzeDraft_yields_one_decision_() => Redelivered_AnalyzeDraft_yields_one_decision();
    [Fact] public Task Draft_stuck_in_submitted_is_picked_up_by_the_reconciler_() => Draft_stuck_in_submitted_is_picked_up_by_the_reconciler();
    [Fact] public Task Health_reports_the_configured_backend_() => Health_reports_the_configured_backend();
}
