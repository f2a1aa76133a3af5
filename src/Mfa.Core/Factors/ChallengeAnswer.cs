namespace Mfa.Core.Factors;

/// <summary>The base of out-of-band answers (a push device's signed response), as received from the answering party.</summary>
public abstract class ChallengeAnswer
{
    /// <summary>The factor this answer is for.</summary>
    public abstract string Kind { get; }
}
