namespace Mfa.Fuzz;

/// <summary>An input broke an invariant the target checks (an exception the entry point would let escape is another).</summary>
/// <param name="message">What broke.</param>
internal sealed class FuzzFinding(string message) : Exception(message);
