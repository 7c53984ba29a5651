namespace PostGuard.Server.Web;

/// <summary>A photo with its face boxes; <see cref="Source"/> overrides the picture (the blurred preview, drawn without boxes).</summary>
public sealed record PhotoView(Guid DraftId, int Revision, ImageView Image, string? Source, bool Clickable = false);
