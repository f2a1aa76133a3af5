using System.Security.Cryptography.X509Certificates;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn;

/// <summary>Options of the WebAuthn relying party: who it is, where it runs, and what it accepts. Validated at start-up.</summary>
/// <remarks>
/// <code>
/// services.AddMfa(…).AddWebAuthn(o =>
/// {
///     o.RelyingPartyId = "example.com";
///     o.RelyingPartyName = "Example";
///     o.Origins = ["https://example.com", "https://login.example.com"];
/// });
/// </code>
/// </remarks>
public sealed class WebAuthnOptions
{
    /// <summary>The default <see cref="PubKeyCredParams"/>, most preferred first.</summary>
    public static IReadOnlyList<CoseAlgorithm> DefaultAlgorithms { get; } =
    [
        CoseAlgorithm.ES256, CoseAlgorithm.EdDSA, CoseAlgorithm.ES384, CoseAlgorithm.ES512, CoseAlgorithm.PS256,
        CoseAlgorithm.RS256, CoseAlgorithm.PS384, CoseAlgorithm.PS512, CoseAlgorithm.RS384, CoseAlgorithm.RS512,
    ];

    /// <summary>The RP ID (WebAuthn L3 §5.1.5.1): a registrable domain such as <c>example.com</c>, which every web origin's host equals or ends with.</summary>
    /// <value>Required; a lowercase domain name of at most 253 characters, no scheme, port or path.</value>
    public string RelyingPartyId { get; set; } = string.Empty;

    /// <summary>The name shown by authenticators and browsers (<c>rp.name</c>).</summary>
    /// <value>Required; 1 to 128 characters, no control characters.</value>
    public string RelyingPartyName { get; set; } = string.Empty;

    /// <summary>
    /// The origins ceremonies may run on: web origins (<c>https://login.example.com</c>, or <c>http://localhost:port</c> for
    /// development) and Android apps (<c>android:apk-key-hash:&lt;base64url SHA-256 of the signing certificate&gt;</c>).
    /// </summary>
    /// <value>Required; at least one. Web origins are serialized origins: scheme, host and optional port, nothing else.</value>
    public IReadOnlyList<string> Origins { get; set; } = [];

    /// <summary>Whether ceremonies may run in a cross-origin iframe (client data <c>crossOrigin: true</c>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool AllowCrossOrigin { get; set; }

    /// <summary>The top-level origins a cross-origin iframe may be embedded in (client data <c>topOrigin</c>); requires <see cref="AllowCrossOrigin"/>.</summary>
    /// <value>Default empty: a <c>topOrigin</c> is refused.</value>
    public IReadOnlyList<string> AllowedTopOrigins { get; set; } = [];

    /// <summary>The credential algorithms offered at enrollment (<c>pubKeyCredParams</c>), most preferred first.</summary>
    /// <value>Default <see cref="DefaultAlgorithms"/>: ES256, EdDSA, ES384, ES512, PS256, RS256, PS384, PS512, RS384, RS512. RS1 only with <see cref="AllowRs1"/>.</value>
    public IReadOnlyList<CoseAlgorithm> PubKeyCredParams { get; set; } = DefaultAlgorithms;

    /// <summary>The size of each random challenge, in bytes.</summary>
    /// <value>Default 32; 16 to 64.</value>
    public int ChallengeSize { get; set; } = 32;

    /// <summary>The <c>timeout</c> hint sent to the browser. The ceremony itself expires with the MFA challenge lifetime.</summary>
    /// <value>Default 2 minutes; 10 seconds to 1 hour.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The attestation asked for at enrollment.</summary>
    /// <value>Default <see cref="AttestationConveyance.None"/>.</value>
    public AttestationConveyance Attestation { get; set; } = AttestationConveyance.None;

    /// <summary>
    /// Whether user verification is asked for, and enforced when <see cref="UserVerificationRequirement.Required"/>.
    /// Device authenticators are always asked for (and must perform) user verification.
    /// </summary>
    /// <value>Default <see cref="UserVerificationRequirement.Preferred"/>.</value>
    public UserVerificationRequirement UserVerification { get; set; } = UserVerificationRequirement.Preferred;

    /// <summary>Whether security keys are asked for a discoverable credential. Device authenticators always are.</summary>
    /// <value>Default <see cref="ResidentKeyRequirement.Discouraged"/>.</value>
    public ResidentKeyRequirement SecurityKeyResidentKey { get; set; } = ResidentKeyRequirement.Discouraged;

    /// <summary>Whether RS1 (RSASSA-PKCS1-v1_5 with SHA-1) is accepted, for old Windows Hello TPM keys.</summary>
    /// <remarks>SHA-1 is broken for collision resistance; enable only for a known population of legacy devices.</remarks>
    /// <value>Default <see langword="false"/>.</value>
    public bool AllowRs1 { get; set; }

    /// <summary>What a signature counter that did not increase does.</summary>
    /// <value>Default <see cref="CounterRollbackPolicy.Fail"/>.</value>
    public CounterRollbackPolicy CounterRollback { get; set; } = CounterRollbackPolicy.Fail;

    /// <summary>
    /// Trusted attestation roots (or intermediates) per authenticator model (AAGUID; <see cref="Guid.Empty"/> for FIDO U2F
    /// keys, which have none). An attestation whose trust path chains to its AAGUID's anchors is reported as trusted.
    /// </summary>
    /// <value>Default empty.</value>
    public IReadOnlyDictionary<Guid, IReadOnlyList<X509Certificate2>> TrustAnchors { get; set; } = new Dictionary<Guid, IReadOnlyList<X509Certificate2>>();

    /// <summary>
    /// Whether enrollment requires an attestation that chains to <see cref="TrustAnchors"/>; <c>none</c> and self attestation
    /// then fail with <see cref="Mfa.Core.MfaFailureReason.UntrustedAttestation"/>.
    /// </summary>
    /// <value>Default <see langword="false"/>. When <see langword="true"/>, <see cref="Attestation"/> must not be none and <see cref="TrustAnchors"/> not empty.</value>
    public bool RequireTrustedAttestation { get; set; }

    /// <summary>Whether an <c>android-safetynet</c> attestation must report <c>ctsProfileMatch: true</c>.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool RequireSafetyNetCtsProfileMatch { get; set; } = true;
}
