namespace Mfa.Soak;

/// <summary>A command line the tool cannot run (exit code 2).</summary>
internal sealed class SoakUsageException(string message) : Exception(message);
