// Fixtures for the module-boundary scanner's own test: a fake "Alpha" module using a fake "Beta" one.
#pragma warning disable CA1822, CA1812
namespace ContactOps.Tests.Architecture.Fixtures.Modules.Beta
{
    internal sealed class Internal
    {
        public static int Count() => 1;
    }
}

namespace ContactOps.Tests.Architecture.Fixtures.Modules.Beta.Contracts
{
    internal sealed record Published(int Value);
}

namespace ContactOps.Tests.Architecture.Fixtures.Modules.Alpha
{
    internal sealed class UsesBetaContract
    {
        public Beta.Contracts.Published Make() => new(1);
    }

    internal sealed class UsesBetaInBody
    {
        public int Run() => Beta.Internal.Count();
    }

    internal sealed class UsesBetaInSignature
    {
        public Beta.Internal? Value { get; set; }
    }
}
