using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Clips;

/// <summary>Video clips in production mode: the real PostgreSQL and RabbitMQ, clips analysed from the large-draft queue.</summary>
[Collection(RealServicesCollection.Name)]
public sealed class PostgresRabbitMqClipTests(PostgresRabbitMqFixture fixture) : ClipScenarios(fixture), IClassFixture<PostgresRabbitMqFixture>
{
    [PostgresRabbitFact] public Task Clip_of_untagged_people_holds_with_each_tracks_time_and_best_frame_and_reports_its_location_() => Clip_of_untagged_people_holds_with_each_tracks_time_and_best_frame_and_reports_its_location();
    [PostgresRabbitFact] public Task Tagged_pupil_without_consent_on_a_track_blocks_and_a_consented_one_accounts_for_it_() => Tagged_pupil_without_consent_on_a_track_blocks_and_a_consented_one_accounts_for_it();
    [PostgresRabbitFact] public Task Chosen_tracks_are_hidden_through_the_whole_clip_and_the_redacted_clip_is_checked_again_() => Chosen_tracks_are_hidden_through_the_whole_clip_and_the_redacted_clip_is_checked_again();
    [PostgresRabbitFact] public Task Clip_cut_short_holds_as_analysis_incomplete_() => Clip_cut_short_holds_as_analysis_incomplete();
}
