using PostGuard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PostGuard.Server.Tests.Consent;

/// <summary>Face bindings in production mode: the real PostgreSQL and RabbitMQ (started by .ci/run).</summary>
[Collection(RealServicesCollection.Name)]
public sealed class PostgresRabbitMqFaceBindingTests(PostgresRabbitMqFixture fixture, ITestOutputHelper output) : FaceBindingScenarios(fixture, output), IClassFixture<PostgresRabbitMqFixture>
{
    [PostgresRabbitFact] public Task Repeated_tags_of_one_person_are_refused_naming_the_field_and_nothing_is_stored_() => Repeated_tags_of_one_person_are_refused_naming_the_field_and_nothing_is_stored();
    [PostgresRabbitFact] public Task Each_face_is_decided_by_the_person_bound_to_it_() => Each_face_is_decided_by_the_person_bound_to_it();
    [PostgresRabbitFact] public Task Plain_tags_hold_until_bound_and_bindings_follow_their_faces_into_resubmissions_() => Plain_tags_hold_until_bound_and_bindings_follow_their_faces_into_resubmissions();
    [PostgresRabbitFact] public Task A_withdrawal_during_a_20_photo_analysis_always_blocks_20_times() => A_withdrawal_during_a_20_photo_analysis_always_blocks(runs: 20);
    [PostgresRabbitFact] public Task A_withdrawal_racing_the_approval_never_leaves_an_approved_post_20_times() => A_withdrawal_racing_the_approval_never_leaves_an_approved_post(runs: 20);
    [PostgresRabbitFact] public Task Redaction_hides_exactly_the_faces_that_block_or_nobody_accounts_for_() => Redaction_hides_exactly_the_faces_that_block_or_nobody_accounts_for();
    [PostgresRabbitFact] public Task An_approval_that_moves_the_post_past_a_consent_end_date_is_refused_() => An_approval_that_moves_the_post_past_a_consent_end_date_is_refused();
}
