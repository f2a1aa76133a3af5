using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Mfa.WebAuthn.Attestation;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>An immutable snapshot of <see cref="WebAuthnOptions"/> with what verification needs precomputed (RP ID hash, UTF-8 origins).</summary>
internal sealed class RelyingPartyPolicy
{
    private RelyingPartyPolicy(WebAuthnOptions options, IAuthenticatorTrustSource? trustSource)
    {
        TrustSource = trustSource;
        RelyingPartyId = options.RelyingPartyId;
        RelyingPartyName = options.RelyingPartyName;
        RelyingPartyIdHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.RelyingPartyId));
        Origins = [.. options.Origins.Select(Encoding.UTF8.GetBytes)];
        AllowCrossOrigin = options.AllowCrossOrigin;
        TopOrigins = [.. options.AllowedTopOrigins.Select(Encoding.UTF8.GetBytes)];
        Algorithms = [.. options.PubKeyCredParams.Select(static a => (int)a)];
        ChallengeSize = options.ChallengeSize;
        Timeout = options.Timeout;
        Attestation = options.Attestation;
        UserVerification = options.UserVerification;
        SecurityKeyResidentKey = options.SecurityKeyResidentKey;
        AllowRs1 = options.AllowRs1;
        CounterRollback = options.CounterRollback;
        TrustAnchors = options.TrustAnchors.ToDictionary(static p => p.Key, static p => (IReadOnlyCollection<X509Certificate2>)[.. p.Value]);
        RequireTrustedAttestation = options.RequireTrustedAttestation;
        RequireSafetyNetCtsProfileMatch = options.RequireSafetyNetCtsProfileMatch;
    }

    public string RelyingPartyId { get; }

    public string RelyingPartyName { get; }

    /// <summary>SHA-256 of the RP ID (32 bytes).</summary>
    public byte[] RelyingPartyIdHash { get; }

    /// <summary>The allowed origins, UTF-8, compared exactly with client data <c>origin</c>.</summary>
    public IReadOnlyList<byte[]> Origins { get; }

    public bool AllowCrossOrigin { get; }

    /// <summary>The allowed top origins, UTF-8.</summary>
    public IReadOnlyList<byte[]> TopOrigins { get; }

    /// <summary>The offered algorithms (COSE ids), most preferred first.</summary>
    public IReadOnlyList<int> Algorithms { get; }

    public int ChallengeSize { get; }

    public TimeSpan Timeout { get; }

    public AttestationConveyance Attestation { get; }

    public UserVerificationRequirement UserVerification { get; }

    public ResidentKeyRequirement SecurityKeyResidentKey { get; }

    public bool AllowRs1 { get; }

    public CounterRollbackPolicy CounterRollback { get; }

    public IReadOnlyDictionary<Guid, IReadOnlyCollection<X509Certificate2>> TrustAnchors { get; }

    public bool RequireTrustedAttestation { get; }

    public bool RequireSafetyNetCtsProfileMatch { get; }

    /// <summary>The authenticator models (FIDO metadata) consulted at registration, or <see langword="null"/> for configured anchors only.</summary>
    public IAuthenticatorTrustSource? TrustSource { get; }

    /// <summary>Takes a snapshot of validated options.</summary>
    public static RelyingPartyPolicy From(WebAuthnOptions options, IAuthenticatorTrustSource? trustSource = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RelyingPartyPolicy(options, trustSource);
    }
}
