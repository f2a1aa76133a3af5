namespace Mfa.Core.Factors;

/// <summary>The base of factor-specific challenge responses (a code, an assertion, ...).</summary>
public abstract class ChallengeResponse
{
    /// <summary>The factor this response is for.</summary>
    public abstract string Kind { get; }
}
