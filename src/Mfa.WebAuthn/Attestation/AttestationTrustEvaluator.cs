using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>
/// WebAuthn L3 §7.1 steps 22–23 with an optional <see cref="IAuthenticatorTrustSource"/>: obtain the trust anchors for the
/// authenticator model (configured per AAGUID, or the model's metadata roots) and assess the attestation's
/// trustworthiness; refuse a model whose status the host's policy refuses.
/// </summary>
internal static class AttestationTrustEvaluator
{
    /// <summary>Evaluates the trust of a verified attestation.</summary>
    /// <param name="aaguid">The AAGUID from the attested credential data.</param>
    /// <param name="trustPath">The attestation's trust path, leaf first (empty for none and self).</param>
    /// <param name="configuredAnchors">The anchors configured per AAGUID (<see cref="WebAuthnOptions.TrustAnchors"/>).</param>
    /// <param name="source">The model source, or <see langword="null"/> for today's behaviour (configured anchors only).</param>
    /// <param name="now">The verification time.</param>
    /// <returns>The decision; a refused model fails with <see cref="MfaFailureReason.AuthenticatorStatusRefused"/>.</returns>
    public static AttestationTrustOutcome Evaluate(
        Guid aaguid,
        IReadOnlyList<X509Certificate2> trustPath,
        IReadOnlyDictionary<Guid, IReadOnlyCollection<X509Certificate2>> configuredAnchors,
        IAuthenticatorTrustSource? source,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trustPath);
        ArgumentNullException.ThrowIfNull(configuredAnchors);
        bool? trusted = null;
        if (configuredAnchors.TryGetValue(aaguid, out var anchors))
        {
            trusted = trustPath.Count > 0 && TrustAnchorEvaluator.ChainsToAnchor(trustPath, anchors, now);
        }

        if (source is null)
        {
            return new AttestationTrustOutcome { Trusted = trusted, Aaguid = aaguid };
        }

        // FIDO U2F keys have no AAGUID: metadata names their models by attestation certificate key identifier.
        var model = source.FindModel(aaguid, aaguid == Guid.Empty ? KeyIdentifiers(trustPath) : []);
        if (model is null)
        {
            return new AttestationTrustOutcome { Trusted = trusted, Aaguid = aaguid };
        }

        if (model.RefusedStatus is { } refused)
        {
            return new AttestationTrustOutcome
            {
                Failure = MfaFailureReason.AuthenticatorStatusRefused,
                Message = $"The authenticator model \"{model.Description}\" has the metadata status {refused}, which is not accepted.",
                Aaguid = aaguid,
                Model = model,
            };
        }

        // The model's attestation roots are trust anchors for its attestation statements (MDS3 §3.1.1, metadata statement).
        if (trusted != true && model.AttestationRoots.Count > 0)
        {
            trusted = trustPath.Count > 0 && TrustAnchorEvaluator.ChainsToAnchor(trustPath, model.AttestationRoots.ToList(), now);
        }

        return new AttestationTrustOutcome { Trusted = trusted, Aaguid = aaguid, Model = model };
    }

    /// <summary>The attestation certificate key identifiers of a trust path: lowercase hex SHA-1 of each subjectPublicKey, leaf first.</summary>
    /// <param name="trustPath">The certificates.</param>
    /// <returns>The identifiers.</returns>
    [SuppressMessage("Security", "CA5350", Justification = "FIDO metadata (MDS3 §3.1.1 attestationCertificateKeyIdentifiers) defines the identifier as SHA-1 of the key; it is a lookup key, not a security check.")]
    public static IReadOnlyList<string> KeyIdentifiers(IReadOnlyList<X509Certificate2> trustPath) =>
        [.. trustPath.Select(static c => Convert.ToHexStringLower(SHA1.HashData(c.PublicKey.EncodedKeyValue.RawData)))];
}
