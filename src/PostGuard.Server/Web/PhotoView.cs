namespace PostGuard.Server.Web;

/// <summary>A photo with its face boxes; <see cref="Source"/> overrides the picture (the redacted preview, drawn without boxes, <see cref="PreviewId"/> its element id).</summary>
public sealed record PhotoView(Guid DraftId, int Revision, ImageView Image, string? Source, bool Clickable = false, string? PreviewId = null);
