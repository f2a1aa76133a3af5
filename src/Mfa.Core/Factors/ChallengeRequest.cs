namespace Mfa.Core.Factors;

/// <summary>A request to challenge a user with one factor.</summary>
/// <remarks>Factors with a prompt of their own derive from <see cref="ChallengeRequest{TPrompt}"/>.</remarks>
public class ChallengeRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="kind">The factor to use.</param>
    /// <param name="purpose">What the challenge is for.</param>
    public ChallengeRequest(string kind, MfaPurpose purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        Kind = kind;
        Purpose = purpose;
    }

    /// <summary>The factor to use.</summary>
    public string Kind { get; }

    /// <summary>What the challenge is for. Completing it for another purpose fails.</summary>
    public MfaPurpose Purpose { get; }

    /// <summary>One authenticator to challenge; <see langword="null"/> for any of the user's authenticators of this factor.</summary>
    public string? AuthenticatorId { get; init; }
}
