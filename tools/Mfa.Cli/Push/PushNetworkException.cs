namespace Mfa.Cli.Push;

/// <summary>The verifier could not be reached (exit code 3).</summary>
internal sealed class PushNetworkException(string message) : Exception(message);
