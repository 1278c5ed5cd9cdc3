using System.Text;
using System.Text.Unicode;

namespace ContactOps.Platform.Files;

/// <summary>
/// Picks the encoding of a text file from its first bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise the
/// prefix is validated as strict UTF-8, falling back to Windows-1252 (what Excel "CSV" saves on Spanish Windows).
/// </summary>
internal static class TextEncodingDetector
{
    /// <summary>Windows-1252; registering the code-pages provider happens once, with this type's initialisation.</summary>
    public static Encoding Windows1252 { get; } = CreateWindows1252();

    /// <summary>
    /// UTF-8 whose decoder reads a byte that is not valid UTF-8 as Windows-1252 instead of U+FFFD: a file whose
    /// first 64 KiB are UTF-8 but that has a Windows-1252 "ñ" further down (concatenated exports) still reads right.
    /// </summary>
    public static Encoding Utf8 { get; } = Encoding.GetEncoding(
        "utf-8", EncoderFallback.ReplacementFallback, new Windows1252DecoderFallback());

    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> prefix, bool isWholeFile)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8, 3);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        var sample = isWholeFile ? prefix : WithoutIncompleteTail(prefix);
        return (System.Text.Unicode.Utf8.IsValid(sample) ? Utf8 : Windows1252, 0);
    }

    /// <summary>Length of the preamble of <paramref name="encoding"/> when <paramref name="prefix"/> starts with it.</summary>
    public static int PreambleLength(Encoding encoding, ReadOnlySpan<byte> prefix)
    {
        var preamble = encoding.Preamble;
        return preamble.Length > 0 && prefix.StartsWith(preamble) ? preamble.Length : 0;
    }

    /// <summary>Drops a multi-byte sequence cut by the end of the sample, so it is not mistaken for invalid UTF-8.</summary>
    private static ReadOnlySpan<byte> WithoutIncompleteTail(ReadOnlySpan<byte> sample)
    {
        for (var back = 1; back <= 4 && back <= sample.Length; back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: keep looking for the lead byte
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? sample[..^back] : sample;
        }

        return sample;
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>Decoder fallback mapping each invalid byte to its Windows-1252 character.</summary>
    private sealed class Windows1252DecoderFallback : DecoderFallback
    {
        private static readonly char[] Map = BuildMap();

        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private static char[] BuildMap()
        {
            var bytes = new byte[256];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)i;
            }

            return Windows1252.GetChars(bytes);
        }

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private char[] chars = new char[4];
            private int count;
            private int index;

            public override int Remaining => count - index;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                if (bytesUnknown.Length > chars.Length)
                {
                    chars = new char[bytesUnknown.Length];
                }

                for (var i = 0; i < bytesUnknown.Length; i++)
                {
                    chars[i] = Map[bytesUnknown[i]];
                }

                count = bytesUnknown.Length;
                this.index = 0;
                return count > 0;
            }

            public override char GetNextChar() => index < count ? chars[index++] : '\0';

            public override bool MovePrevious()
            {
                if (index == 0)
                {
                    return false;
                }

                index--;
                return true;
            }

            public override void Reset()
            {
                count = 0;
                index = 0;
            }
        }
    }
}
