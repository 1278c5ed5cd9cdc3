using global::ContactOps.Platform.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactOps.Tests.Platform;

public sealed class RejectsJanitorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "contactops-janitor-" + Guid.NewGuid().ToString("N"));

    public RejectsJanitorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Deletes_only_rejects_files_older_than_the_configured_days()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Imports:KeepRejectsDays"] = "10" }).Build();
        var janitor = new RejectsJanitor(config, time, NullLogger<RejectsJanitor>.Instance);

        var old = Write("a-rechazados.csv", now.AddDays(-11));
        var recent = Write("b-rechazados.csv", now.AddDays(-9));
        var other = Write("notes.csv", now.AddDays(-400));

        Assert.Equal(1, janitor.Sweep(_dir));
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other));

        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, janitor.Sweep(_dir));
        Assert.False(File.Exists(recent));
        Assert.Equal(0, janitor.Sweep(Path.Combine(_dir, "missing")));
    }

    private string Write(string name, DateTimeOffset lastWrite)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "linea;campo;motivo\n");
        File.SetLastWriteTimeUtc(path, lastWrite.UtcDateTime);
        return path;
    }
}
