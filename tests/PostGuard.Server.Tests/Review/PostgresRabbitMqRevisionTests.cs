using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Review;

/// <summary>New revisions of a draft in production mode: the real PostgreSQL and RabbitMQ (started by .ci/run).</summary>
[Collection(RealServicesCollection.Name)]
public sealed class PostgresRabbitMqRevisionTests(PostgresRabbitMqFixture fixture) : RevisionScenarios(fixture), IClassFixture<PostgresRabbitMqFixture>
{
    [PostgresRabbitFact] public Task Resubmission_is_the_next_revision_analysed_afresh_and_the_first_leaves_the_queue_() => Resubmission_is_the_next_revision_analysed_afresh_and_the_first_leaves_the_queue();
    [PostgresRabbitFact] public Task Only_the_schools_uploader_resubmits_and_bad_input_changes_nothing_() => Only_the_schools_uploader_resubmits_and_bad_input_changes_nothing();
    [PostgresRabbitFact] public Task Approving_a_redacted_version_of_an_untagged_photo_hides_every_face_rechecks_it_and_approves_the_next_revision_() => Approving_a_redacted_version_of_an_untagged_photo_hides_every_face_rechecks_it_and_approves_the_next_revision();
    [PostgresRabbitFact] public Task A_redacted_version_that_still_blocks_is_refused_and_nothing_changes_() => A_redacted_version_that_still_blocks_is_refused_and_nothing_changes();
}
