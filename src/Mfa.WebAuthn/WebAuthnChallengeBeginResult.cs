using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>A begun WebAuthn authentication: the request options to hand to the browser.</summary>
public sealed class WebAuthnChallengeBeginResult : ChallengeBeginResult
{
    internal WebAuthnChallengeBeginResult(ReadOnlyMemory<byte> state, string optionsJson)
        : base(state) => OptionsJson = optionsJson;

    /// <summary>
    /// <c>PublicKeyCredentialRequestOptionsJSON</c> (WebAuthn L3 §5.1): pass it to
    /// <c>navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse(json)) })</c>.
    /// </summary>
    public string OptionsJson { get; }
}
