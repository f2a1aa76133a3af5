using Mfa.WebAuthn.Ceremonies;

namespace Mfa.WebAuthn.Credentials;

/// <summary>
/// The JSON a WebAuthn authenticator record keeps in <see cref="Mfa.Core.AuthenticatorRecord.Data"/> (WebAuthn L3 §4
/// "credential record"). Nothing in it is secret: the private key never leaves the authenticator.
/// </summary>
internal sealed record WebAuthnCredentialData
{
    public int V { get; init; } = 1;

    /// <summary>The authenticator kind (<see cref="CredentialKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The credential public key as COSE_Key, base64url.</summary>
    public required string PublicKey { get; init; }

    /// <summary>The COSE algorithm id of the key.</summary>
    public required int Alg { get; init; }

    /// <summary>The highest signature counter seen.</summary>
    public uint SignCount { get; init; }

    /// <summary>The authenticator model (AAGUID), or <see langword="null"/> for imported legacy keys.</summary>
    public string? Aaguid { get; init; }

    /// <summary>The model's description from the trust source (FIDO metadata) at registration, or <see langword="null"/> when none knew it.</summary>
    public string? Model { get; init; }

    /// <summary>The attestation statement format at registration.</summary>
    public string? Fmt { get; init; }

    /// <summary>The attestation type at registration (<c>none</c>, <c>self</c>, <c>basic-or-attca</c>, <c>attca</c>, <c>anonca</c>).</summary>
    public string? AttestationType { get; init; }

    /// <summary>Whether the attestation chained to a configured anchor (<see langword="null"/>: not evaluated).</summary>
    public bool? Trusted { get; init; }

    /// <summary>The transports the client reported.</summary>
    public IReadOnlyList<string>? Transports { get; init; }

    /// <summary>The BE flag at registration.</summary>
    public bool BackupEligible { get; init; }

    /// <summary>The BS flag at the last use.</summary>
    public bool BackupState { get; init; }

    /// <summary>Whether the UV flag was set at registration.</summary>
    public bool UserVerified { get; init; }

    /// <summary>The <c>credProps.rk</c> output: whether the credential is discoverable, if the client said.</summary>
    public bool? Discoverable { get; init; }

    /// <summary>The user handle the credential was created with (base64url); <see langword="null"/> for legacy keys.</summary>
    public string? UserHandle { get; init; }

    /// <summary>The FIDO AppID of a legacy U2F key.</summary>
    public string? AppId { get; init; }

    /// <summary>How many times the counter failed to increase and was accepted under <see cref="CounterRollbackPolicy.FlagOnly"/>.</summary>
    public int CounterRollbacks { get; init; }

    /// <summary>
    /// This record after a successful assertion (WebAuthn L3 §7.2 step 23, "update credentialRecord with new state
    /// values"): the signature counter becomes the reported one but never goes lower, the backup state becomes the
    /// current BS flag, and a counter that did not increase (accepted under <see cref="CounterRollbackPolicy.FlagOnly"/>)
    /// is counted.
    /// </summary>
    /// <param name="outcome">A successful assertion's outcome.</param>
    /// <returns>The record to store.</returns>
    public WebAuthnCredentialData AfterAssertion(in AssertionOutcome outcome) => this with
    {
        SignCount = Math.Max(SignCount, outcome.ReportedSignCount),
        BackupState = outcome.BackupState,
        CounterRollbacks = outcome.CounterRollback ? CounterRollbacks + 1 : CounterRollbacks,
    };
}
