using System.Collections.Immutable;
using ImpactEval.Core.Loading;

namespace ImpactEval.Data;

/// <summary>What registering a protocol file did.</summary>
public enum RegistrationStatus
{
    /// <summary>A new protocol was registered as version 1.</summary>
    Created,
    /// <summary>The file changed: a new version was registered.</summary>
    NewVersion,
    /// <summary>The file is identical to the current version: nothing was written.</summary>
    Unchanged,
    /// <summary>The file is valid but would reinterpret existing data: nothing was written.</summary>
    Refused,
    /// <summary>The file has errors: nothing was written.</summary>
    Invalid,
}

/// <summary>The outcome of registering a protocol file.</summary>
/// <param name="Status">What happened.</param>
/// <param name="ProtocolCode">The protocol's identifier, when it could be read.</param>
/// <param name="Version">The current version number after the call, when registered.</param>
/// <param name="Problems">Errors and warnings of the file.</param>
/// <param name="Refusals">French explanations of why a change would reinterpret existing data.</param>
public sealed record RegistrationOutcome(
    RegistrationStatus Status,
    string? ProtocolCode,
    int? Version,
    ImmutableArray<ProtocolProblem> Problems,
    ImmutableArray<string> Refusals);
