using Xunit;

namespace ImpactEval.Worker.Tests.Support;

/// <summary>
/// Tests that start real worker processes run one at a time and alone: the machine has two cores, and timing
/// assertions (takeover, debounce) must not depend on what else the test run is doing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "worker processes";
}
