using ContactOps.Platform.Storage;
using ContactOps.Tests.Files;

namespace ContactOps.Tests.Sales;

/// <summary>The local-folder file storage: round trip, hash, safe keys only, nothing half-written left behind.</summary>
public class StorageTests
{
    [Fact]
    public async Task Put_then_read_exists_and_delete_round_trip_with_length_and_sha256()
    {
        using var folder = new TempFolder();
        var storage = new LocalFileStorage(new StorageOptions { Root = folder.Path });
        var bytes = "hola, grabación"u8.ToArray();

        var stored = await storage.PutAsync(new MemoryStream(bytes));

        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), stored.Sha256);
        Assert.True(LocalFileStorage.IsValidKey(stored.Key));
        Assert.True(await storage.ExistsAsync(stored.Key));
        await using (var read = await storage.OpenReadAsync(stored.Key))
        {
            Assert.NotNull(read);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.True(await storage.DeleteAsync(stored.Key));
        Assert.False(await storage.ExistsAsync(stored.Key));
        Assert.Null(await storage.OpenReadAsync(stored.Key));
        Assert.False(await storage.DeleteAsync(stored.Key));
    }

    [Theory]
    [InlineData("../secreto.txt")]
    [InlineData("ab/../../secreto.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("ab/./cd")]
    [InlineData("ab\\..\\cd")]
    [InlineData("ab//cd")]
    [InlineData(".tmp/x.part")]
    [InlineData("")]
    [InlineData("c:/windows")]
    public async Task Keys_that_could_leave_the_root_are_refused(string key)
    {
        using var folder = new TempFolder();
        var outside = Path.Combine(Path.GetDirectoryName(folder.Path)!, "secreto.txt");
        await File.WriteAllTextAsync(outside, "no");
        try
        {
            var storage = new LocalFileStorage(new StorageOptions { Root = Path.Combine(folder.Path, "root") });
            await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenReadAsync(key));
            await Assert.ThrowsAsync<ArgumentException>(() => storage.ExistsAsync(key));
            await Assert.ThrowsAsync<ArgumentException>(() => storage.DeleteAsync(key));
            Assert.True(File.Exists(outside));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_no_file()
    {
        using var folder = new TempFolder();
        var storage = new LocalFileStorage(new StorageOptions { Root = folder.Path });

        await Assert.ThrowsAsync<IOException>(() => storage.PutAsync(new FailingStream(100_000)));

        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Two_puts_of_the_same_content_get_different_keys()
    {
        using var folder = new TempFolder();
        var storage = new LocalFileStorage(new StorageOptions { Root = folder.Path });
        var a = await storage.PutAsync(new MemoryStream([1, 2, 3]));
        var b = await storage.PutAsync(new MemoryStream([1, 2, 3]));
        Assert.NotEqual(a.Key, b.Key);
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(2, Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Count());
    }

    /// <summary>Gives <c>failAfter</c> bytes, then throws like a dropped upload.</summary>
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _given;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _given; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= failAfter)
            {
                throw new IOException("conexión perdida");
            }

            var n = Math.Min(count, failAfter - _given);
            Array.Fill(buffer, (byte)7, offset, n);
            _given += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
