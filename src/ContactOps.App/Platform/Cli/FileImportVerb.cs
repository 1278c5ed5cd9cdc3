using System.CommandLine;
using System.Globalization;
using ContactOps.Platform.Files;
using ContactOps.Platform.Imports;
using ContactOps.Platform.Results;

namespace ContactOps.Platform.Cli;

/// <summary>What a file-import verb prints: the JSON object for <c>--json</c>, the text summary line and the rejected rows.</summary>
/// <param name="Rejects">The import whose kept rejects file <c>--rejects</c> copies out (decrypted from the storage).</param>
public sealed record FileImportOutput(object Json, string Summary, IReadOnlyList<RejectedRow> RejectedRows, long Rejected = 0, ImportRejectsRef? Rejects = null)
{
    /// <summary>Lines printed after the rejected rows in the text output (e.g. rows that matched nothing, what to do next).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The exit code once the summary is printed (e.g. 2 when an all-or-nothing import rejected rows).</summary>
    public int ExitCode { get; init; } = ExitCodes.Ok;
}

/// <summary>
/// The one shape of every verb that loads a file (<c>import customers|leads|call-log|deliveries|adjustments|sales</c>,
/// <c>import exclusions</c>, <c>reconcile sales</c>): the standard options (<c>--file</c>, <c>--json</c>, and
/// <c>--operation</c> unless the verb has none), the file opened with the platform's refusal when it cannot be read
/// (exit 2), the handler run in a system scope with a progress bar on stderr, and the summary printed as JSON or as
/// Spanish text with the rejected rows by line. A verb adds its own options and says how to call its handler:
/// <code>
/// var verb = new FileImportVerb(context, "leads", "Carga una base de leads …", "Ruta del archivo CSV, TXT, XLSX o ZIP");
/// var mapping = verb.Add(new Option&lt;string?&gt;("--mapping") { Description = "…" });
/// return verb.Handle&lt;ImportLeads, LeadImportSummary&gt;(
///     (h, run) =&gt; h.HandleAsync(new ImportLeadsRequest(run.Operation!, run.File, run.FileName, run.Get(mapping)), run.Progress, run.Cancel),
///     s =&gt; new FileImportOutput(new { rows = s.Rows, … }, $"Base «{s.BaseName}»: …", s.RejectedRows, s.Rejected));
/// </code>
/// </summary>
public sealed class FileImportVerb
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    private readonly CliContext _context;
    private readonly Option<string>? _operation;
    private readonly Option<string> _file;
    private readonly Option<bool> _json;
    private readonly Option<string?>? _rejects;
    private readonly string? _unreadableCode;

    /// <param name="operationDescription">The <c>--operation</c> option's help, or null for a verb without one.</param>
    /// <param name="rejectsOption">Adds <c>--rejects &lt;csv&gt;</c>, which copies the full rejected-rows file there.</param>
    /// <param name="fileOption">The file option's name (<c>--file</c>; <c>reconcile sales</c> says <c>--carrier-file</c>).</param>
    /// <param name="unreadableCode">The error code when the file cannot be opened, if not the platform's <c>import.file_unreadable</c>.</param>
    public FileImportVerb(
        CliContext context, string name, string description, string fileDescription,
        string? operationDescription = "Código de la operación", string jsonDescription = "Salida JSON con el resumen", bool rejectsOption = false,
        string fileOption = "--file", string? unreadableCode = null)
    {
        _context = context;
        _unreadableCode = unreadableCode;
        Command = new Command(name, description);
        if (operationDescription is not null)
        {
            _operation = Add(new Option<string>("--operation") { Description = operationDescription, Required = true });
        }

        _file = Add(new Option<string>(fileOption) { Description = fileDescription, Required = true });
        if (rejectsOption)
        {
            _rejects = Add(new Option<string?>("--rejects") { Description = "Escribe aquí el CSV completo de filas rechazadas" });
        }

        _json = Add(new Option<bool>("--json") { Description = jsonDescription });
    }

    public Command Command { get; }

    /// <summary>Adds one of the verb's own options.</summary>
    public TOption Add<TOption>(TOption option)
        where TOption : Option
    {
        Command.Options.Add(option);
        return option;
    }

    /// <summary>
    /// Sets the verb's action: <paramref name="validate"/> (optional) checks the verb's own options before the file is
    /// opened; <paramref name="run"/> calls the handler; <paramref name="output"/> shapes what is printed.
    /// </summary>
    public Command Handle<THandler, TSummary>(
        Func<THandler, FileImportRun, Task<Result<TSummary>>> run,
        Func<TSummary, FileImportOutput> output,
        Func<ParseResult, Error?>? validate = null)
        where THandler : notnull
    {
        Command.SetAction(async (parse, ct) =>
        {
            var json = parse.GetValue(_json);
            if (validate?.Invoke(parse) is { } invalid)
            {
                return _context.Fail(invalid, json);
            }

            var path = parse.GetValue(_file)!;
            var opened = CliFiles.OpenRead(path);
            if (!opened.IsSuccess)
            {
                return _context.Fail(
                    _unreadableCode is null ? opened.Error! : Error.Relabel(opened.Error!, _unreadableCode, _file.Name.TrimStart('-')), json);
            }

            await using var stream = opened.Value!;
            await using var scope = _context.CreateScope();
            var bar = new TextProgressBar(_context.Error);
            var result = await run(
                scope.ServiceProvider.GetRequiredService<THandler>(),
                new FileImportRun(parse, _operation is null ? null : parse.GetValue(_operation), stream, Path.GetFileName(path), new InlineProgress<ImportProgress>(bar.Report), ct)
                {
                    Services = scope.ServiceProvider,
                });
            bar.Finish();
            if (!result.IsSuccess)
            {
                return _context.Fail(result.Error!, json);
            }

            var printed = output(result.Value!);
            if (_rejects is not null && parse.GetValue(_rejects) is { } rejectsPath && printed.Rejects is { } rejectsOf)
            {
                await using var target = new FileStream(rejectsPath, FileMode.Create, FileAccess.Write, FileShare.None);
                await using var kept = await scope.ServiceProvider.GetRequiredService<ImportRejects>().OpenAsync(rejectsOf.ImportId, rejectsOf.Kind, null, ct);
                if (kept is null)
                {
                    RejectionReport.WriteCsv(target, []);
                }
                else
                {
                    await kept.CopyToAsync(target, ct);
                }
            }

            if (json)
            {
                _context.WriteJson(printed.Json);
                return printed.ExitCode;
            }

            _context.Out.WriteLine(printed.Summary);
            foreach (var row in printed.RejectedRows)
            {
                _context.Out.WriteLine(string.Format(Spanish, "  línea {0}: {1}{2}", row.Line, row.Field is null ? "" : row.Field + ": ", row.Reason));
            }

            if (printed.Rejected > printed.RejectedRows.Count)
            {
                _context.Out.WriteLine(string.Format(
                    Spanish, "  … y {0:N0} filas rechazadas más{1}.", printed.Rejected - printed.RejectedRows.Count, _rejects is null ? "" : " (use --rejects archivo.csv para la lista completa)"));
            }

            foreach (var note in printed.Notes)
            {
                _context.Out.WriteLine(note);
            }

            return printed.ExitCode;
        });
        return Command;
    }

    /// <summary>Formats a summary line in Spanish (es-CO: thousands with dots).</summary>
    public static string Text(string format, params object?[] args) => string.Format(Spanish, format, args);

    /// <summary>A plain text progress bar on stderr (redrawn in place on a terminal, a line per 10 % otherwise).</summary>
    private sealed class TextProgressBar(TextWriter writer)
    {
        private readonly bool _inPlace = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        private int _lastTenth = -1;
        private bool _drawn;

        public void Report(ImportProgress progress)
        {
            var percent = (int)Math.Round(Math.Clamp(progress.Fraction, 0, 1) * 100);
            var label = progress.Stage switch
            {
                ImportStage.Reading => "Leyendo",
                ImportStage.Merging => "Guardando",
                _ => "Listo",
            };
            var filled = percent / 5;
            var text = string.Format(Spanish, "{0,-9} [{1}{2}] {3,3} % {4:N0} filas", label, new string('#', filled), new string('.', 20 - filled), percent, progress.RowsRead);
            if (_inPlace)
            {
                writer.Write("\r" + text);
                _drawn = true;
            }
            else if (percent / 10 != _lastTenth || progress.Stage != ImportStage.Reading)
            {
                _lastTenth = percent / 10;
                writer.WriteLine(text);
            }
        }

        public void Finish()
        {
            if (_drawn)
            {
                writer.WriteLine();
            }
        }
    }
}

/// <summary>One run of a file-import verb: the parsed options, the operation, the opened file, progress and cancellation.</summary>
public sealed record FileImportRun(ParseResult Parse, string? Operation, Stream File, string FileName, IProgress<ImportProgress> Progress, CancellationToken Cancel)
{
    /// <summary>The run's DI scope (acting as the system), for a verb that does more than call its handler (e.g. writes a result file).</summary>
    public required IServiceProvider Services { get; init; }

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);
}
