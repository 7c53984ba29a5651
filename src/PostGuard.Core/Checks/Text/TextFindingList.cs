using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Text;

/// <summary>
/// Collects the findings of one text check: one finding per span, never two for the same words,
/// and at most <see cref="MaxFindings"/> (the worst first) so that a 100 KB draft still yields a
/// readable result; the last one then says how many more there were.
/// </summary>
public sealed class TextFindingList(string text)
{
    public const int MaxFindings = 50;

    private readonly List<(int Start, int Length, Finding Finding)> _items = [];

    public bool Overlaps(int start, int length) =>
        _items.Exists(i => start < i.Start + i.Length && i.Start < start + length);

    /// <summary>Adds a finding for text[start..start+length]; extra evidence fields are merged into the span evidence.</summary>
    public void Add(string rule, Severity severity, int start, int length, string reason, string fix, JsonObject? extra = null)
    {
        if (length <= 0 || start < 0 || start + length > text.Length || Overlaps(start, length))
        {
            return;
        }
        var evidence = Finding.TextSpan(text, start, length);
        if (extra is not null)
        {
            foreach (var (key, value) in extra.ToList())
            {
                extra.Remove(key);
                evidence[key] = value;
            }
        }
        _items.Add((start, length, new Finding(rule, severity, reason, evidence, fix)));
    }

    public void Add(Finding finding, int start, int length)
    {
        if (!Overlaps(start, length))
        {
            _items.Add((start, length, finding));
        }
    }

    public IReadOnlyList<Finding> ToList()
    {
        var ordered = _items.OrderBy(i => i.Start).Select(i => i.Finding).ToList();
        if (ordered.Count <= MaxFindings)
        {
            return ordered;
        }
        var kept = _items.OrderByDescending(i => i.Finding.Severity).ThenBy(i => i.Start).Take(MaxFindings).OrderBy(i => i.Start).Select(i => i.Finding).ToList();
        var last = kept[^1];
        kept[^1] = last with { Reason = $"{last.Reason} ({ordered.Count - MaxFindings} more like this are not listed.)" };
        return kept;
    }
}
