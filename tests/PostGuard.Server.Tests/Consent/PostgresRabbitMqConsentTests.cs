using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Consent;

/// <summary>Consent scenarios in production mode: the real PostgreSQL and RabbitMQ (started by .ci/run).</summary>
[Collection(RealServicesCollection.Name)]
public sealed class PostgresRabbitMqConsentTests(PostgresRabbitMqFixture fixture) : ConsentScenarios(fixture), IClassFixture<PostgresRabbitMqFixture>
{
    [PostgresRabbitFact] public Task Import_is_idempotent_and_keeps_names_intact_() => Import_is_idempotent_and_keeps_names_intact();
    [PostgresRabbitFact] public Task Bad_csv_is_rejected_whole_listing_every_row_and_changes_nothing_() => Bad_csv_is_rejected_whole_listing_every_row_and_changes_nothing();
    [PostgresRabbitFact] public Task Pupil_with_refused_social_media_consent_is_blocked_but_fine_on_the_website_() => Pupil_with_refused_social_media_consent_is_blocked_but_fine_on_the_website();
    [PostgresRabbitFact] public Task Untagged_faces_hold_and_a_tag_of_another_schools_pupil_is_refused_() => Untagged_faces_hold_and_a_tag_of_another_schools_pupil_is_refused();
    [PostgresRabbitFact] public Task Consent_that_expires_before_the_publish_date_blocks_() => Consent_that_expires_before_the_publish_date_blocks();
    [PostgresRabbitFact] public Task Withdrawal_after_approval_flips_the_draft_to_block_with_a_takedown_notice_() => Withdrawal_after_approval_flips_the_draft_to_block_with_a_takedown_notice();
    [PostgresRabbitFact] public Task Only_consent_admins_write_the_register_() => Only_consent_admins_write_the_register();
}
