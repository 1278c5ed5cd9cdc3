using System.Globalization;
using System.Text;
using ContactOps.Platform.Files;
using Xunit;

namespace ContactOps.Tests.Files;

public sealed class CsvStreamingTests : IDisposable
{
    private const int Rows = 200_000;
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Reads_a_200000_row_file_exactly_with_low_per_row_allocation()
    {
        var path = temp.PathOf("base-leads.csv");
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(true)))
        {
            writer.Write("Documento;Nombres;Teléfono 1;Teléfono 2;Ciudad;Observación\r\n");
            for (var i = 0; i < Rows; i++)
            {
                writer.Write(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{1_000_000 + i};Nombre Número {i};{3_000_000_000L + i};;Bogotá;\"nota; con \"\"comillas\"\"\"\r\n"));
                if (i % 50_000 == 0)
                {
                    writer.Write("\r\n"); // a blank line now and then
                }
            }
        }

        using var file = Tabular.Open(path);
        var reader = file.Reader;
        long count = 0;
        long lastLine = 0;
        long digitSum = 0;
        var errors = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        while (reader.Read())
        {
            count++;
            lastLine = reader.LineNumber;
            errors += reader.RowError is null ? 0 : 1;
            var phone = reader.GetSpan(2);
            digitSum += phone[^1] - '0';
        }

        var allocatedPerRow = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)count;

        Assert.Equal(Rows, count);
        Assert.Equal(0, errors);
        Assert.Equal(1 + Rows + 4, lastLine); // header + rows + the 4 blank lines
        Assert.Equal(Enumerable.Range(0, Rows).Sum(i => (3_000_000_000L + i) % 10), digitSum);
        Assert.True(allocatedPerRow < 64, $"{allocatedPerRow:F1} bytes allocated per row; reading by span should not allocate per row");
        Assert.Equal(1, reader.Progress);
    }
}
