using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ContactOps.Platform.Results;
using ContactOps.Platform.Tenancy;

namespace ContactOps.Platform.Cli;

/// <summary>Exit codes of every verb: 0 success, 1 failure, 2 bad arguments or rejected input.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

/// <summary>A module's CLI verbs.</summary>
public interface ICliModule
{
    /// <summary>Top-level words this module adds (e.g. "calendar").</summary>
    IEnumerable<string> TopLevelVerbs { get; }

    void Register(RootCommand root, CliContext context);
}

/// <summary>What a verb's action needs: the product's services (same configuration as the server) and the console.</summary>
public sealed class CliContext(IServiceProvider services)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public IServiceProvider Services { get; } = services;

    public TextWriter Out { get; set; } = Console.Out;

    public TextWriter Error { get; set; } = Console.Error;

    /// <summary>A DI scope acting as the system (the operator running the CLI on the server).</summary>
    public AsyncServiceScope CreateScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().SetSystem("cli:" + Environment.UserName);
        return scope;
    }

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Prints an expected failure (as JSON with --json) and returns the exit code for it.</summary>
    public int Fail(Error error, bool json)
    {
        if (json)
        {
            WriteJson(new { error = error.Code, message = error.Message, fields = error.Fields });
        }
        else
        {
            Error.WriteLine("Error: " + error.Message);
            if (error.Fields is not null)
            {
                foreach (var (field, messages) in error.Fields)
                {
                    foreach (var m in messages)
                    {
                        Error.WriteLine($"  {field}: {m}");
                    }
                }
            }
        }

        return error.Kind is ErrorKind.Failure ? ExitCodes.Failure : ExitCodes.BadInput;
    }
}

public static class CliHost
{
    private static readonly CultureInfo SpanishUi = CultureInfo.GetCultureInfo("es-CO");

    private static readonly string[] HelpWords = ["--help", "-h", "-?", "help", "--version"];

    /// <summary>True when the arguments name a verb (or ask for help) rather than starting the server.</summary>
    public static bool IsCliInvocation(string[] args, IEnumerable<ICliModule> modules) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || modules.SelectMany(m => m.TopLevelVerbs).Contains(args[0], StringComparer.Ordinal));

    public static RootCommand Build(IEnumerable<ICliModule> modules, CliContext context)
    {
        var root = new RootCommand("ContactOps: sin verbo sirve la aplicación web; con un verbo lo ejecuta y termina.");
        foreach (var module in modules)
        {
            module.Register(root, context);
        }

        return root;
    }

    public static async Task<int> RunAsync(IEnumerable<ICliModule> modules, IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        // The CLI speaks Spanish like the product, whatever the machine's locale: System.CommandLine's own
        // messages (parse errors, help headings) follow the UI culture. Formatting culture is left alone.
        // (Set inside this async method, the change does not leak to the caller.)
        CultureInfo.CurrentUICulture = SpanishUi;
        var context = new CliContext(services) { Out = output ?? Console.Out, Error = error ?? Console.Error };
        var root = Build(modules, context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                context.Error.WriteLine("Error: " + e.Message);
            }

            context.Error.WriteLine("Use --help para ver las opciones.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error });
        }
        catch (Exception ex)
        {
            context.Error.WriteLine("Falló: " + ex.Message);
            return ExitCodes.Failure;
        }
    }
}
