using System.Globalization;
using System.Runtime.CompilerServices;

namespace ContactOps.Tests.Infrastructure;

/// <summary>
/// The tests read the product's messages in Spanish, its first language, whatever the machine's locale (a CI machine
/// with LANG=en_US would otherwise get the English resources when a test calls a handler directly). Formatting keeps
/// the machine's culture; a test about English sets the UI culture itself.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void SpanishUi() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("es-CO");
}
