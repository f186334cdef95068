using System.Collections.Immutable;
using ImpactEval.Core.Model;

namespace ImpactEval.Core.Loading;

/// <summary>The outcome of loading a protocol: the protocol when it has no error, and every problem found.</summary>
/// <param name="Protocol">The valid protocol, or null when any error was found.</param>
/// <param name="Problems">Every error and warning, in file order.</param>
/// <param name="SourceText">The exact text that was loaded (what the store keeps for each version).</param>
public sealed record ProtocolLoadResult(Protocol? Protocol, ImmutableArray<ProtocolProblem> Problems, string SourceText)
{
    /// <summary>Whether the protocol has no error (warnings allowed).</summary>
    public bool IsValid => Protocol is not null;

    /// <summary>The errors only.</summary>
    public IEnumerable<ProtocolProblem> Errors => Problems.Where(p => p.Severity == Severity.Error);
}
