namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>Finds a corpus file in the source tree above the test binaries.</summary>
public static class CorpusFile
{
    public static string Locate(string name)
    {
        var relative = Path.Combine("tests", "PostGuard.Core.Tests", "Checks", "Text", "Corpus", name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
