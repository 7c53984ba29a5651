using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.PhotoWords;

/// <summary>Words in photos on the embedded defaults: SQLite and the in-memory bus.</summary>
public sealed class SqliteInMemoryPhotoWordsTests(SqliteInMemoryFixture fixture) : PhotoWordsScenarios(fixture), IClassFixture<SqliteInMemoryFixture>
{
    [Fact] public Task A_certificate_naming_a_pupil_blocks_with_the_box_and_the_same_photo_without_words_does_not_() => A_certificate_naming_a_pupil_blocks_with_the_box_and_the_same_photo_without_words_does_not();
    [Fact] public Task A_phone_number_on_a_sign_is_R10_and_the_same_sign_without_words_raises_nothing_() => A_phone_number_on_a_sign_is_R10_and_the_same_sign_without_words_raises_nothing();
    [Fact] public Task The_redacted_version_covers_the_words_and_is_approved_() => The_redacted_version_covers_the_words_and_is_approved();
}
