namespace ContactOps.Modules.Sales;

/// <summary>One accepted file type: its extensions, media type, and how its first bytes look.</summary>
public sealed record AttachmentFileType(string Name, string[] Extensions, string ContentType, bool IsAudio, Func<ReadOnlyMemory<byte>, bool> Matches);

/// <summary>
/// Accepted types of sale attachments, checked by extension AND by content (magic bytes): audio (wav, mp3, gsm, ogg)
/// for call recordings; pdf, jpg, png for evidence; contract readings and "other" accept both.
/// </summary>
public static class AttachmentFileTypes
{
    /// <summary>How many leading bytes the checks need.</summary>
    public const int HeaderLength = 16;

    public static readonly AttachmentFileType Wav = new("WAV", [".wav"], "audio/wav", true,
        h => StartsWith(h, "RIFF"u8) && h.Length >= 12 && h.Span[8..12].SequenceEqual("WAVE"u8));

    // An ID3 tag, or an MPEG audio frame sync (11 set bits).
    public static readonly AttachmentFileType Mp3 = new("MP3", [".mp3"], "audio/mpeg", true,
        h => StartsWith(h, "ID3"u8) || (h.Length >= 2 && h.Span[0] == 0xFF && (h.Span[1] & 0xE0) == 0xE0));

    // GSM 06.10 full-rate: 33-byte frames, each starting with the 0xD signature nibble.
    public static readonly AttachmentFileType Gsm = new("GSM", [".gsm"], "audio/gsm", true,
        h => h.Length >= 1 && (h.Span[0] & 0xF0) == 0xD0);

    public static readonly AttachmentFileType Ogg = new("OGG", [".ogg", ".oga", ".opus"], "audio/ogg", true, h => StartsWith(h, "OggS"u8));

    public static readonly AttachmentFileType Pdf = new("PDF", [".pdf"], "application/pdf", false, h => StartsWith(h, "%PDF-"u8));

    public static readonly AttachmentFileType Jpeg = new("JPG", [".jpg", ".jpeg"], "image/jpeg", false, h => StartsWith(h, [0xFF, 0xD8, 0xFF]));

    public static readonly AttachmentFileType Png = new("PNG", [".png"], "image/png", false, h => StartsWith(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));

    private static readonly AttachmentFileType[] Audio = [Wav, Mp3, Gsm, Ogg];
    private static readonly AttachmentFileType[] Documents = [Pdf, Jpeg, Png];

    public static IReadOnlyList<AttachmentFileType> AllowedFor(SaleAttachmentKind kind) => kind switch
    {
        SaleAttachmentKind.CallRecording => Audio,
        SaleAttachmentKind.IdentityValidation => Documents,
        _ => [.. Audio, .. Documents],
    };

    /// <summary>The accepted extensions for a kind, e.g. ".wav,.mp3,…" (for the file picker).</summary>
    public static string AcceptFor(SaleAttachmentKind kind) => string.Join(',', AllowedFor(kind).SelectMany(t => t.Extensions));

    public static AttachmentFileType? ByExtension(SaleAttachmentKind kind, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return AllowedFor(kind).FirstOrDefault(t => t.Extensions.Contains(ext, StringComparer.Ordinal));
    }

    private static bool StartsWith(ReadOnlyMemory<byte> header, ReadOnlySpan<byte> prefix) => header.Span.StartsWith(prefix);
}
