using System.Globalization;
using ContactOps.Modules.Sales.Features;
using ContactOps.Platform.Auth;
using ContactOps.Platform.Data;
using ContactOps.Platform.Results;
using ContactOps.Platform.Storage;
using ContactOps.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Modules.Sales;

/// <summary>Thrown by <see cref="PrefixedLimitedStream"/> when more than the limit was read.</summary>
public sealed class FileTooLargeException(long readBytes) : IOException("The file exceeds the size limit.")
{
    public long ReadBytes { get; } = readBytes;
}

/// <summary>Reads the already-read header, then the rest of the source; throws once more than <c>max</c> bytes went through.</summary>
internal sealed class PrefixedLimitedStream(ReadOnlyMemory<byte> prefix, Stream rest, long max) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (!_prefix.IsEmpty)
        {
            n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
        }
        else
        {
            n = rest.Read(buffer);
        }

        return Count(n);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_prefix.IsEmpty)
        {
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return Count(n);
        }

        return Count(await rest.ReadAsync(buffer, cancellationToken));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int n)
    {
        _read += n;
        if (_read > max)
        {
            throw new FileTooLargeException(_read);
        }

        return n;
    }
}
