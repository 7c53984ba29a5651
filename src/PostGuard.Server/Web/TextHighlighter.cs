using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PostGuard.Server.Web;

/// <summary>The draft text as HTML with each flagged span marked and linked to its finding; written in one piece so the text's own spacing and line breaks stay exact.</summary>
public static class TextHighlighter
{
    public static IHtmlContent Render(IReadOnlyList<TextPiece> pieces)
    {
        var html = new StringBuilder();
        var encoder = HtmlEncoder.Default;
        foreach (var piece in pieces)
        {
            if (piece.Finding is { } f)
            {
                html.Append("<mark class=\"flag flag-").Append(f.SeverityClass).Append("\" title=\"")
                    .Append(encoder.Encode($"{f.Title}: {f.Finding.Reason}")).Append("\"><a href=\"#finding-").Append(f.Number).Append("\">")
                    .Append(encoder.Encode(piece.Text)).Append("</a><sup>").Append(f.Number).Append("</sup></mark>");
            }
            else
            {
                html.Append(encoder.Encode(piece.Text));
            }
        }
        return new HtmlString(html.ToString());
    }
}
