namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>Where Mfa.WebAuthn and Fido2 4.3.3 disagree by design, with the reason; every entry is checked to still differ.</summary>
internal static class ExpectedDifferences
{
    /// <summary>Conformance case id → why the verdicts differ.</summary>
    public static IReadOnlyDictionary<string, string> Conformance { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Algorithms and attestation formats Fido2 4.3.3 does not implement, or implements more strictly than WebAuthn L3.
        ["auth-w3c-packed-ed448"] = "Fido2 has no Ed448 (\"Algorithm -53 cannot be used with an OKP key\"); the SDK verifies Ed448 (BouncyCastle).",
        ["reg-w3c-packed-ed448"] = "Fido2 has no Ed448; the SDK verifies Ed448 (BouncyCastle).",
        ["reg-fido2netlib-tpm-rs1-conformance"] = "Fido2 requires the TPM manufacturer (SAN tcpaTpmManufacturer) to be on the TCG vendor list; WebAuthn L3 §8.3 does not, and the FIDO conformance tool's test TPM is not on it.",
        ["reg-fido2netlib-tpm-rs256-conformance"] = "Fido2 requires a TCG-listed TPM manufacturer (see reg-fido2netlib-tpm-rs1-conformance).",
        ["reg-simplewebauthn-tpm-rs256-conformance"] = "Fido2 requires a TCG-listed TPM manufacturer (see reg-fido2netlib-tpm-rs1-conformance).",
        ["reg-simplewebauthn-tpm-rs256-conformance-b"] = "Fido2 requires a TCG-listed TPM manufacturer (see reg-fido2netlib-tpm-rs1-conformance).",
        ["reg-w3c-tpm-es256"] = "Fido2 requires a TCG-listed TPM manufacturer; the W3C spec's own TPM vector uses a test manufacturer id.",
        ["reg-w3c-android-key-es256"] = "Fido2 refuses the W3C spec's own android-key vector (\"origin field not set to KM_ORIGIN_GENERATED\"); the fixture, re-verified independently, expects success, and so does the SDK.",
        ["reg-w3c-apple-es256"] = "Fido2 refuses the W3C spec's own apple vector (\"Malformed x5c\"); the fixture expects success.",
        ["reg-w3c-fido-u2f-es256"] = "Fido2 requires an all-zero AAGUID in fido-u2f authenticator data; WebAuthn L3 §8.6 verification does not check it, and the W3C vector has a non-zero one.",

        // Trust: without a metadata service Fido2 does not check x5c against a trust anchor, and it checks certificate
        // validity at the wall clock where the SDK takes the relying party's time (the fixtures pin one).
        ["reg-pywebauthn-neg-wrong-trust-anchor"] = "Fido2 without a metadata service checks no trust anchor; the SDK refuses a chain to the wrong anchor (UntrustedAttestation).",
        ["reg-pywebauthn-android-safetynet"] = "Fido2 checks SafetyNet freshness (timestampMs within a minute) at the wall clock; the SDK at the relying party's TimeProvider time, here the response's own.",
        ["reg-pywebauthn-apple-passkey"] = "Fido2 checks the Apple chain at the wall clock (the leaf has expired since); the SDK at the time the case pins.",

        // Client data and JSON encoding.
        ["reg-pywebauthn-fido-u2f-tokenbinding-string"] = "Fido2 refuses clientDataJSON whose tokenBinding is a string (legacy Edge); the SDK, like the fixture, ignores the member's legacy form.",
        ["reg-pywebauthn-neg-token-binding-status"] = "Fido2 accepts an invalid tokenBinding.status; the SDK refuses it (WebAuthn L3 §7.1 step 10 / the fixture: failure).",
        ["reg-pywebauthn-tpm-dell-xps-13"] = "The response JSON carries standard base64 (py_webauthn's fixture); Fido2's JSON reader takes base64url only, the SDK's decoder both.",
        ["reg-pywebauthn-tpm-lenovo-carbon-x1"] = "Standard base64 in the response JSON (see reg-pywebauthn-tpm-dell-xps-13).",
        ["reg-pywebauthn-tpm-surface-pro-4"] = "Standard base64 in the response JSON (see reg-pywebauthn-tpm-dell-xps-13).",
    };
}
