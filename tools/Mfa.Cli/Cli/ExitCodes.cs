namespace Mfa.Cli.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded (a verification passed).</summary>
    public const int Success = 0;

    /// <summary>A verification was rejected; the JSON on stdout names the failure code.</summary>
    public const int Rejected = 1;

    /// <summary>The command line was wrong; a message is on stderr.</summary>
    public const int Usage = 2;
}
