namespace Mfa.Cli.Cli;

/// <summary>A wrong command line: reported on stderr with exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
