using System.Reflection;
using ContactOps.Platform.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace ContactOps.Tests.Architecture;

/// <summary>
/// THE RULE: no database context lives as long as a Blazor circuit. A component never injects a DbContext, nor
/// anything whose construction needs one (a handler): it reaches handlers through <c>UnitOfWork&lt;T&gt;</c> (a scope
/// per call) or opens contexts from <c>IDbContextFactory&lt;AppDbContext&gt;</c> per operation.
/// </summary>
public class ComponentDbContextTests
{
    [Fact]
    public void Components_inject_no_database_context_and_no_handler_that_needs_one()
    {
        var violations = Violations(typeof(AppModules).Assembly).ToList();
        Assert.True(violations.Count == 0,
            "Componentes con un contexto de base de datos que vive lo que el circuito (use UnitOfWork<T> o IDbContextFactory):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_rule_sees_a_context_injected_directly_or_through_a_handler()
    {
        var found = Violations(typeof(ComponentDbContextTests).Assembly).ToList();
        Assert.Contains(found, v => v.StartsWith(typeof(Fixtures.Components.InjectsContext).FullName!, StringComparison.Ordinal));
        Assert.Contains(found, v => v.StartsWith(typeof(Fixtures.Components.InjectsHandler).FullName!, StringComparison.Ordinal));
        Assert.DoesNotContain(found, v => v.StartsWith(typeof(Fixtures.Components.InjectsUnitOfWork).FullName!, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Violations(Assembly assembly)
    {
        foreach (var component in assembly.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t)))
        {
            foreach (var property in component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<InjectAttribute>() is null)
                {
                    continue;
                }

                if (NeedsContext(property.PropertyType, []) is { } path)
                {
                    yield return $"{component.FullName}.{property.Name}: {path}";
                }
            }
        }
    }

    /// <summary>The constructor path from <paramref name="type"/> to a DbContext, or null.</summary>
    private static string? NeedsContext(Type type, HashSet<Type> seen)
    {
        if (typeof(DbContext).IsAssignableFrom(type))
        {
            return type.Name;
        }

        if (!seen.Add(type) || type.IsInterface || type.IsAbstract || type.IsPrimitive || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
            || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(UnitOfWork<>) || type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>))))
        {
            return null;
        }

        foreach (var ctor in type.GetConstructors())
        {
            foreach (var parameter in ctor.GetParameters())
            {
                if (NeedsContext(parameter.ParameterType, seen) is { } path)
                {
                    return type.Name + " → " + path;
                }
            }
        }

        return null;
    }
}
