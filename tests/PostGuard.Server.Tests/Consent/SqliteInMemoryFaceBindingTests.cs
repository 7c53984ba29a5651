using PostGuard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PostGuard.Server.Tests.Consent;

/// <summary>Face bindings on the embedded defaults: SQLite and the in-memory bus.</summary>
public sealed class SqliteInMemoryFaceBindingTests(SqliteInMemoryFixture fixture, ITestOutputHelper output) : FaceBindingScenarios(fixture, output), IClassFixture<SqliteInMemoryFixture>
{
    [Fact] public Task Repeated_tags_of_one_person_are_refused_naming_the_field_and_nothing_is_stored_() => Repeated_tags_of_one_person_are_refused_naming_the_field_and_nothing_is_stored();
    [Fact] public Task Each_face_is_decided_by_the_person_bound_to_it_() => Each_face_is_decided_by_the_person_bound_to_it();
    [Fact] public Task Plain_tags_hold_until_bound_and_bindings_follow_their_faces_into_resubmissions_() => Plain_tags_hold_until_bound_and_bindings_follow_their_faces_into_resubmissions();
    [Fact] public Task A_withdrawal_during_a_20_photo_analysis_always_blocks_20_times() => A_withdrawal_during_a_20_photo_analysis_always_blocks(runs: 20);
    [Fact] public Task A_withdrawal_racing_the_approval_never_leaves_an_approved_post_20_times() => A_withdrawal_racing_the_approval_never_leaves_an_approved_post(runs: 20);
    [Fact] public Task Redaction_hides_exactly_the_faces_that_block_or_nobody_accounts_for_() => Redaction_hides_exactly_the_faces_that_block_or_nobody_accounts_for();
    [Fact] public Task An_approval_that_moves_the_post_past_a_consent_end_date_is_refused_() => An_approval_that_moves_the_post_past_a_consent_end_date_is_refused();
}
