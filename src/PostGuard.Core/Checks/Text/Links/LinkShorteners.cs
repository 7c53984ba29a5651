using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.Links;

/// <summary>Link shorteners hide where a link goes: always a Hold, even if someone allow-lists them.</summary>
public static class LinkShorteners
{
    public static readonly WordSet Hosts = new("""
        bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at tiny.cc rb.gy t.ly
        s.id bl.ink lnkd.in forms.gle tiny.one shorte.st adf.ly v.gd qr.co.uk qrco.de linktr.ee shor.by short.io
        """);
}
