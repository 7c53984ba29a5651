using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Clips;

/// <summary>Video clips on the embedded defaults: SQLite and the in-memory bus.</summary>
public sealed class SqliteInMemoryClipTests(SqliteInMemoryFixture fixture) : ClipScenarios(fixture), IClassFixture<SqliteInMemoryFixture>
{
    [Fact] public Task Clip_of_untagged_people_holds_with_each_tracks_time_and_best_frame_and_reports_its_location_() => Clip_of_untagged_people_holds_with_each_tracks_time_and_best_frame_and_reports_its_location();
    [Fact] public Task Tagged_pupil_without_consent_on_a_track_blocks_and_a_consented_one_accounts_for_it_() => Tagged_pupil_without_consent_on_a_track_blocks_and_a_consented_one_accounts_for_it();
    [Fact] public Task Approved_clip_is_handed_out_with_no_metadata_at_all_() => Approved_clip_is_handed_out_with_no_metadata_at_all();
    [Fact] public Task Chosen_tracks_are_hidden_through_the_whole_clip_and_the_redacted_clip_is_checked_again_() => Chosen_tracks_are_hidden_through_the_whole_clip_and_the_redacted_clip_is_checked_again();
    [Fact] public Task Clips_outside_the_limits_are_refused_from_their_header_and_nothing_is_stored_() => Clips_outside_the_limits_are_refused_from_their_header_and_nothing_is_stored();
    [Fact] public Task Clip_cut_short_holds_as_analysis_incomplete_() => Clip_cut_short_holds_as_analysis_incomplete();
}
