using System.Collections;
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

    /// <summary>Characters already covered by a finding: overlap tests cost the span's length, not the number of findings.</summary>
    private readonly BitArray _covered = new(text.Length);

    public bool Overlaps(int start, int length)
    {
        for (var k = Math.Max(start, 0); k < Math.Min(start + length, text.Length); k++)
        {
            if (_covered[k])
            {
                return true;
            }
        }
        return false;
    }

    private void Cover(int start, int length)
    {
        for (var k = Math.Max(start, 0); k < Math.Min(start + length, text.Length); k++)
        {
            _covered[k] = true;
        }
    }

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
        Cover(start, length);
    }

    public void Add(Finding finding, int start, int length)
    {
        if (!Overlaps(start, length))
        {
            _items.Add((start, length, finding));
            Cover(start, length);
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
