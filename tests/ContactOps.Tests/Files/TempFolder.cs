using System.Text;
using ContactOps.Platform.Files;
using Xunit;

namespace ContactOps.Tests.Files;

/// <summary>A temp folder for real files, deleted with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contactops-files-tests", System.IO.Path.GetRandomFileName());
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteText(string name, string text, Encoding encoding)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text, encoding);
        return path;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>Opening real files through <see cref="TabularFile.Open"/> from a FileStream.</summary>
public static class Tabular
{
    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(false);

    public static Encoding Utf8Bom { get; } = new UTF8Encoding(true);

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>Opens the file, asserts success, and returns the reader together with the stream to dispose.</summary>
    public static OpenedFile Open(string path, TabularReadOptions? options = null)
    {
        var stream = File.OpenRead(path);
        var result = TabularFile.Open(stream, System.IO.Path.GetFileName(path), options);
        if (!result.IsSuccess)
        {
            stream.Dispose();
            Assert.Fail($"Open failed: {result.Error!.Code} {result.Error.Message}");
        }

        return new OpenedFile(stream, result.Value!);
    }

    public static ContactOps.Platform.Results.Error OpenError(string path, TabularReadOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        var result = TabularFile.Open(stream, System.IO.Path.GetFileName(path), options);
        Assert.False(result.IsSuccess, "Open should have failed");
        result.Value?.Dispose();
        return result.Error!;
    }

    /// <summary>All records as (line, fields up to the header count, error).</summary>
    public static List<(long Line, string[] Fields, string? Error)> ReadAll(ITabularReader reader)
    {
        var rows = new List<(long, string[], string?)>();
        while (reader.Read())
        {
            var fields = new string[reader.Headers.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetField(i);
            }

            rows.Add((reader.LineNumber, fields, reader.RowError));
        }

        return rows;
    }
}

public sealed class OpenedFile(Stream stream, ITabularReader reader) : IDisposable
{
    public ITabularReader Reader { get; } = reader;

    public void Dispose()
    {
        Reader.Dispose();
        stream.Dispose();
    }
}

/// <summary>A read-only, non-seekable view of a stream (like a network upload).</summary>
public sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 4096));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
