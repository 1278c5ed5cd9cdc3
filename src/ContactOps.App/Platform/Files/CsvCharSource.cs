using System.Text;

namespace ContactOps.Platform.Files;

/// <summary>
/// The <see cref="TextReader"/> Sylvan reads from: decodes the stream itself and keeps the characters from the
/// start of the record being parsed (the "mark") onwards, so that after a malformed record the reader can go
/// back to where it started, skip that one line and resume. What it keeps is bounded by what Sylvan buffers
/// (at most the maximum record length), so memory does not grow with the file.
/// </summary>
internal sealed class CsvCharSource : TextReader
{
    private const int MinFree = 4096;

    private readonly Stream stream;
    private readonly Decoder decoder;
    private readonly byte[] bytes;
    private int bytePos;
    private int byteEnd;
    private bool streamDone;
    private bool decoderDone;

    private char[] chars = new char[64 * 1024];
    private int start; // first retained char (the mark)
    private int pos;   // next char handed out
    private int end;   // end of decoded chars
    private long baseOffset; // absolute char offset of chars[0]

    /// <param name="stream">The stream, positioned right after <paramref name="prefix"/>.</param>
    /// <param name="prefix">Bytes already read from the stream; reused as the byte buffer.</param>
    /// <param name="prefixLength">How many bytes of <paramref name="prefix"/> are valid.</param>
    /// <param name="skip">Bytes to skip at the start (the BOM).</param>
    public CsvCharSource(Stream stream, Encoding encoding, byte[] prefix, int prefixLength, int skip)
    {
        this.stream = stream;
        decoder = encoding.GetDecoder();
        bytes = prefix;
        bytePos = skip;
        byteEnd = prefixLength;
    }

    /// <summary>Absolute char offset of the next char Sylvan will get.</summary>
    public long Position => baseOffset + pos;

    public override int Read(Span<char> buffer)
    {
        if (pos == end && !Fill())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, end - pos);
        chars.AsSpan(pos, n).CopyTo(buffer);
        pos += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        if (pos == end && !Fill())
        {
            return -1;
        }

        return chars[pos++];
    }

    public override int Peek()
    {
        if (pos == end && !Fill())
        {
            return -1;
        }

        return chars[pos];
    }

    /// <summary>Forgets everything before <paramref name="offset"/> (the start of the next record to parse).</summary>
    public void Mark(long offset)
    {
        var index = checked((int)(offset - baseOffset));
        if (index < start || index > end)
        {
            throw new InvalidOperationException("Mark outside the retained window.");
        }

        start = index;
    }

    /// <summary>Goes back to <paramref name="offset"/>, which must not be before the mark.</summary>
    public void Rewind(long offset)
    {
        var index = checked((int)(offset - baseOffset));
        if (index < start || index > end)
        {
            throw new InvalidOperationException("Rewind outside the retained window.");
        }

        pos = index;
    }

    /// <summary>Consumes the rest of the current physical line including its line break; returns how many chars.</summary>
    public int SkipLine()
    {
        var skipped = 0;
        while (true)
        {
            if (pos == end)
            {
                start = pos;
                if (!Fill())
                {
                    return skipped;
                }
            }

            var span = chars.AsSpan(pos, end - pos);
            var i = span.IndexOfAny('\r', '\n');
            if (i < 0)
            {
                skipped += span.Length;
                pos = end;
                continue;
            }

            var isCr = span[i] == '\r';
            pos += i + 1;
            skipped += i + 1;
            if (isCr && Peek() == '\n')
            {
                pos++;
                skipped++;
            }

            return skipped;
        }
    }

    /// <summary>
    /// The first line that is not blank (nor made only of delimiters, like <c>;;;</c>), without consuming anything
    /// (quoted line breaks do not end it); used to detect the delimiter. Null when there is no such line.
    /// </summary>
    public string? PeekFirstNonBlankLine(int maxChars)
    {
        start = pos;
        var lineStart = 0;
        var inQuotes = false;
        var blank = true;
        var k = 0;
        while (true)
        {
            if (pos + k == end)
            {
                if (k >= maxChars || !Fill())
                {
                    return blank ? null : new string(chars, pos + lineStart, k - lineStart);
                }

                continue;
            }

            var c = chars[pos + k];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }

            if (!inQuotes && c is '\r' or '\n')
            {
                if (!blank)
                {
                    return new string(chars, pos + lineStart, k - lineStart);
                }

                lineStart = k + 1;
            }
            else if (!char.IsWhiteSpace(c) && c is not ('\uFEFF' or ',' or ';' or '|'))
            {
                blank = false;
            }

            k++;
        }
    }

    private bool Fill()
    {
        if (start > 0)
        {
            chars.AsSpan(start, end - start).CopyTo(chars);
            baseOffset += start;
            pos -= start;
            end -= start;
            start = 0;
        }

        if (chars.Length - end < MinFree)
        {
            Array.Resize(ref chars, chars.Length * 2);
        }

        while (true)
        {
            if (bytePos == byteEnd && !streamDone)
            {
                byteEnd = stream.Read(bytes, 0, bytes.Length);
                bytePos = 0;
                streamDone = byteEnd == 0;
            }

            if (decoderDone)
            {
                return false;
            }

            decoder.Convert(
                bytes, bytePos, byteEnd - bytePos, chars, end, chars.Length - end, streamDone,
                out var bytesUsed, out var charsUsed, out var completed);
            bytePos += bytesUsed;
            end += charsUsed;
            if (streamDone && completed)
            {
                decoderDone = true;
            }

            if (charsUsed > 0)
            {
                return true;
            }
        }
    }
}
