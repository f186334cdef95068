namespace ImpactEval.Cli.Commands;

/// <summary>The exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command could not do its work (store unreachable, unexpected failure).</summary>
    public const int Failure = 1;

    /// <summary>The input is invalid (protocol with errors, refused import, unknown protocol): nothing was written.</summary>
    public const int InvalidInput = 2;
}
