using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>A begun WebAuthn registration: the creation options to hand to the browser.</summary>
public sealed class WebAuthnEnrollmentBeginResult : EnrollmentBeginResult
{
    internal WebAuthnEnrollmentBeginResult(ReadOnlyMemory<byte> state, string optionsJson)
        : base(state) => OptionsJson = optionsJson;

    /// <summary>
    /// <c>PublicKeyCredentialCreationOptionsJSON</c> (WebAuthn L3 §5.1): pass it to
    /// <c>navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(json)) })</c>.
    /// </summary>
    public string OptionsJson { get; }
}
