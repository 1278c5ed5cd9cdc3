using System.Reflection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ContactOps.Tests.Architecture;

/// <summary>
/// THE RULE: only the test infrastructure (namespace <c>ContactOps.Tests.Infrastructure</c>) builds application hosts.
/// A test gets the product from <c>TestApp.StartAsync</c> (the engine's shared host, a fresh database) or, in the
/// browser suite, from the collection's one <c>ProductHost</c>. Building a host costs seconds; a database, milliseconds.
/// Checked on the compiled tests: deriving from, constructing or re-configuring a WebApplicationFactory, a TestServer,
/// a web or generic host builder, or the product's own builder.
/// </summary>
public static class HostRule
{
    public const string InfrastructureNamespace = "ContactOps.Tests.Infrastructure";

    private static readonly HashSet<string> BuilderMethods = new(StringComparer.Ordinal)
    {
        "Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder",
        "Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder",
        "Microsoft.AspNetCore.Builder.WebApplication.CreateEmptyBuilder",
        "Microsoft.AspNetCore.Builder.WebApplication.Create",
        "Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder",
        "Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder",
        "Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder",
        "ContactOps.AppHost.CreateBuilder",
    };

    /// <summary>"Type.Member → what it builds" for every violation in <paramref name="assembly"/>, outside <paramref name="exempt"/> namespaces.</summary>
    public static IEnumerable<string> Violations(Assembly assembly, params string[] exempt)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            var ns = type.Namespace ?? "";
            if (Within(ns, InfrastructureNamespace) || exempt.Any(e => Within(ns, e)))
            {
                continue;
            }

            if (IsFactory(type.BaseType))
            {
                yield return $"{type.FullName} derives from {type.BaseType!.Name}";
            }

            foreach (var method in IlReferences.MethodsOf(type))
            {
                foreach (var used in IlReferences.Members(method).OfType<MethodBase>())
                {
                    if (BuildsAHost(used) is { } what)
                    {
                        yield return $"{type.FullName}.{method.Name} → {what}";
                    }
                }
            }
        }
    }

    private static string? BuildsAHost(MethodBase used)
    {
        var declaring = used.DeclaringType;
        if (declaring is null)
        {
            return null;
        }

        if (IsFactory(declaring) && (used.IsConstructor || used.Name is "WithWebHostBuilder" or "UseKestrel" or "StartServer"))
        {
            return $"{declaring.Name}.{used.Name}";
        }

        if (declaring == typeof(TestServer) && used.IsConstructor)
        {
            return "new TestServer";
        }

        if (declaring.FullName is "Microsoft.Extensions.Hosting.HostBuilder" or "Microsoft.AspNetCore.Hosting.WebHostBuilder" && used.IsConstructor)
        {
            return "new " + declaring.Name;
        }

        var name = declaring.FullName + "." + used.Name;
        return BuilderMethods.Contains(name) ? name : null;
    }

    private static bool IsFactory(Type? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(WebApplicationFactory<>))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Within(string ns, string prefix) =>
        ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);
}
