namespace Mfa.WebAuthn;

/// <summary>A begun passkey sign-in without a username: the challenge id to complete it with and the request options.</summary>
public sealed class WebAuthnPasskeySignInStart
{
    internal WebAuthnPasskeySignInStart(string challengeId, DateTimeOffset expiresAt, string optionsJson)
    {
        ChallengeId = challengeId;
        ExpiresAt = expiresAt;
        OptionsJson = optionsJson;
    }

    /// <summary>The pending challenge id; keep it with the browser session and pass it to <see cref="WebAuthnFactor.CompletePasskeySignInAsync"/>.</summary>
    public string ChallengeId { get; }

    /// <summary>When the challenge expires (the MFA challenge lifetime).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>
    /// <c>PublicKeyCredentialRequestOptionsJSON</c> with an empty <c>allowCredentials</c>, so the browser offers the user's
    /// discoverable credentials (also usable with <c>mediation: "conditional"</c> for autofill).
    /// </summary>
    public string OptionsJson { get; }
}
