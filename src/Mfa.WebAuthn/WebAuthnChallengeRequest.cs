using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>Asks for a WebAuthn challenge, optionally demanding user verification (for example before a sensitive action).</summary>
public sealed class WebAuthnChallengeRequest : ChallengeRequest<WebAuthnChallengePrompt>
{
    /// <summary>Creates a request.</summary>
    /// <param name="purpose">What the challenge is for.</param>
    public WebAuthnChallengeRequest(MfaPurpose purpose)
        : base(FactorKinds.WebAuthn, purpose)
    {
    }

    /// <summary>Whether this challenge requires user verification (PIN or biometric) even if the options do not.</summary>
    public bool RequireUserVerification { get; init; }
}
