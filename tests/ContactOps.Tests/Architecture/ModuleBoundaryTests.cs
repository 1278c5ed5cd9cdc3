using System.Reflection;

namespace ContactOps.Tests.Architecture;

/// <summary>
/// Module boundaries. THE RULE: a type in <c>ContactOps.Modules.X</c> may use, from another module Y, only
/// <list type="bullet">
/// <item>types in <c>ContactOps.Modules.Y.Contracts</c> (and below) — the module's published contract;</item>
/// <item>the organisation root entities <c>ContactOps.Modules.Organization.Client</c> and
/// <c>ContactOps.Modules.Organization.Operation</c>: every business record belongs to a client and an
/// operation (the tenancy foreign keys), so these two (and the operation's kind, which decides which reports apply) are the platform's shared "organisation" contract;</item>
/// <item>the module's UI text class <c>ContactOps.Modules.Y.YText</c> (its words are public like its contracts);</item>
/// </list>
/// and <c>ContactOps.Modules.Demo</c> may use everything (it seeds every module's data).
/// Everything else of another module (its features, data configurations, CLI, other entities) is off limits.
/// "Use" means any reference in signatures (base types, interfaces, fields, properties, parameters, return
/// types, generic arguments, attributes) or in method bodies (IL: types, methods, fields).
/// </summary>
public class ModuleBoundaryTests
{
    private const string ModulesPrefix = "ContactOps.Modules.";

    private static readonly HashSet<string> SharedOrganizationTypes = new(StringComparer.Ordinal)
    {
        "ContactOps.Modules.Organization.Client",
        "ContactOps.Modules.Organization.Operation",
        "ContactOps.Modules.Organization.OperationKind",
    };

    [Fact]
    public void Modules_use_only_other_modules_contracts_and_the_shared_organisation_entities()
    {
        var violations = Violations(typeof(AppModules).Assembly, ModulesPrefix).ToList();
        Assert.True(violations.Count == 0, "Referencias entre módulos no permitidas:\n" + string.Join('\n', violations.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Platform_uses_no_module()
    {
        // The one DbContext names every module's entities (its DbSets and mappings): that is what "one DbContext" means.
        var violations = OutsideUses(typeof(AppModules).Assembly, "ContactOps.Platform", allowContracts: false)
            .Where(v => !v.StartsWith("ContactOps.Platform.Data.AppDbContext", StringComparison.Ordinal)).ToList();
        Assert.True(violations.Count == 0, "La plataforma usa de los módulos solo el cliente y la operación (las llaves de la tenencia):\n" + string.Join('\n', violations.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Components_use_only_modules_contracts_text_and_the_shared_organisation_entities()
    {
        var violations = OutsideUses(typeof(AppModules).Assembly, "ContactOps.Components", allowContracts: true).ToList();
        Assert.True(violations.Count == 0, "Componentes que usan el interior de un módulo:\n" + string.Join('\n', violations.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_rule_detects_references_in_signatures_and_method_bodies()
    {
        // Sanity check of the scanner itself on this test assembly's fixtures below.
        var found = ReferencedTypes(typeof(Fixtures.Modules.Alpha.UsesBetaInBody)).Select(t => t.FullName).ToList();
        Assert.Contains(typeof(Fixtures.Modules.Beta.Internal).FullName, found);
        found = ReferencedTypes(typeof(Fixtures.Modules.Alpha.UsesBetaInSignature)).Select(t => t.FullName).ToList();
        Assert.Contains(typeof(Fixtures.Modules.Beta.Internal).FullName, found);

        // And the rule reports both (Beta.Contracts is allowed).
        var violations = Violations(typeof(ModuleBoundaryTests).Assembly, "ContactOps.Tests.Architecture.Fixtures.Modules.").ToList();
        Assert.Contains(violations, v => v.StartsWith(typeof(Fixtures.Modules.Alpha.UsesBetaInBody).FullName + " →", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(typeof(Fixtures.Modules.Alpha.UsesBetaInSignature).FullName + " →", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.StartsWith(typeof(Fixtures.Modules.Alpha.UsesBetaContract).FullName + " →", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_module_namespace_is_known()
    {
        var modules = typeof(AppModules).Assembly.GetTypes().Select(t => ModuleOf(t.Namespace, ModulesPrefix)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains("Customers", modules);
        Assert.Contains("Organization", modules);
        Assert.Contains("Demo", modules);
    }

    private static IEnumerable<string> Violations(Assembly assembly, string prefix)
    {
        foreach (var type in assembly.GetTypes())
        {
            var from = ModuleOf(type.Namespace, prefix);
            if (from is null || from == "Demo")
            {
                continue;
            }

            foreach (var used in ReferencedTypes(type))
            {
                var to = ModuleOf(used.Namespace, prefix);
                if (to is null || to == from || used.Assembly != assembly)
                {
                    continue;
                }

                var ns = used.Namespace!;
                if (ns == prefix + to + ".Contracts" || ns.StartsWith(prefix + to + ".Contracts.", StringComparison.Ordinal))
                {
                    continue;
                }

                var outer = used;
                while (outer.DeclaringType is not null)
                {
                    outer = outer.DeclaringType;
                }

                // A module's UI text (<Module>Text) is public like its contracts: a page may show another module's words.
                if (SharedOrganizationTypes.Contains(outer.FullName!) || outer.FullName == prefix + to + "." + to + "Text")
                {
                    continue;
                }

                yield return $"{type.FullName} → {used.FullName}";
            }
        }
    }

    /// <summary>References from the types of <paramref name="ns"/> (Platform, Components) into the modules, beyond the shared organisation entities.</summary>
    private static IEnumerable<string> OutsideUses(Assembly assembly, string ns, bool allowContracts)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true))
        {
            foreach (var used in ReferencedTypes(type))
            {
                if (used.Assembly != assembly || used.HasElementType || ModuleOf(used.Namespace, ModulesPrefix) is not { } module)
                {
                    continue;
                }

                var outer = used;
                while (outer.DeclaringType is not null)
                {
                    outer = outer.DeclaringType;
                }

                var contract = used.Namespace == ModulesPrefix + module + ".Contracts" || used.Namespace!.StartsWith(ModulesPrefix + module + ".Contracts.", StringComparison.Ordinal);
                var text = outer.FullName == ModulesPrefix + module + "." + module + "Text";
                if (SharedOrganizationTypes.Contains(outer.FullName!) || (allowContracts && (contract || text)))
                {
                    continue;
                }

                yield return $"{type.FullName} → {used.FullName}";
            }
        }
    }

    /// <summary>"Customers" for ContactOps.Modules.Customers.Features; null outside the modules.</summary>
    private static string? ModuleOf(string? ns, string prefix)
    {
        if (ns is null || !ns.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    internal static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();

        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                foreach (var a in t.GetGenericArguments())
                {
                    Add(a);
                }
            }
        }

        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes)
            {
                Add(a.AttributeType);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        AddAttributes(type.CustomAttributes);
        foreach (var f in type.GetFields(all))
        {
            Add(f.FieldType);
            AddAttributes(f.CustomAttributes);
        }

        foreach (var p in type.GetProperties(all))
        {
            Add(p.PropertyType);
            AddAttributes(p.CustomAttributes);
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            AddAttributes(m.CustomAttributes);
            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (var t in BodyReferences(m))
            {
                Add(t);
            }
        }

        return found;
    }

    /// <summary>Types named by the method's IL (type, method and field tokens).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        foreach (var member in IlReferences.Members(method))
        {
            switch (member)
            {
                case Type t:
                    yield return t;
                    break;
                case MethodBase mb:
                    if (mb.DeclaringType is { } dt)
                    {
                        yield return dt;
                    }

                    if (mb is MethodInfo mInfo)
                    {
                        yield return mInfo.ReturnType;
                        foreach (var g in mInfo.IsGenericMethod ? mInfo.GetGenericArguments() : [])
                        {
                            yield return g;
                        }
                    }

                    break;
                case FieldInfo fi:
                    if (fi.DeclaringType is { } fdt)
                    {
                        yield return fdt;
                    }

                    yield return fi.FieldType;
                    break;
            }
        }
    }
}
