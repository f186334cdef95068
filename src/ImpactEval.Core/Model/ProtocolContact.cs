namespace ImpactEval.Core.Model;

/// <summary>Whom the people who fill in the workbooks ask for help (<c>contact:</c> in the protocol).</summary>
/// <param name="Name">Name or function shown in the instructions (e.g. "Cheffe de projet opérationnelle").</param>
/// <param name="Email">E-mail address, if given.</param>
public sealed record ProtocolContact(string Name, string? Email);
