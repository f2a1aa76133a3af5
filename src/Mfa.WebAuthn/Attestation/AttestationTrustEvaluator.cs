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
    /// <param name="format">The attestation statement format (<c>packed</c>, <c>tpm</c>…), which decides whether x5c may carry its root.</param>
    /// <returns>
    /// The decision; a refused model fails with <see cref="MfaFailureReason.AuthenticatorStatusRefused"/>, an x5c that
    /// carries its trusted root with <see cref="MfaFailureReason.InvalidAttestation"/>.
    /// </returns>
    public static AttestationTrustOutcome Evaluate(
        Guid aaguid,
        IReadOnlyList<X509Certificate2> trustPath,
        IReadOnlyDictionary<Guid, IReadOnlyCollection<X509Certificate2>> configuredAnchors,
        IAuthenticatorTrustSource? source,
        DateTimeOffset now,
        string? format = null)
    {
        ArgumentNullException.ThrowIfNull(trustPath);
        ArgumentNullException.ThrowIfNull(configuredAnchors);
        bool? trusted = null;
        if (configuredAnchors.TryGetValue(aaguid, out var anchors))
        {
            if (!RootAllowedInTrustPath(format) && TrustAnchorEvaluator.IncludesRootAnchor(trustPath, anchors))
            {
                return RootInTrustPath(aaguid, model: null);
            }

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
        var roots = model.AttestationRoots;
        if (!RootAllowedInTrustPath(format) && TrustAnchorEvaluator.IncludesRootAnchor(trustPath, roots))
        {
            return RootInTrustPath(aaguid, model);
        }

        if (trusted != true && roots.Count > 0)
        {
            trusted = trustPath.Count > 0 && TrustAnchorEvaluator.ChainsToAnchor(trustPath, [.. roots], now);
        }

        return new AttestationTrustOutcome { Trusted = trusted, Aaguid = aaguid, Model = model };
    }

    /// <summary>
    /// FIDO conformance (server tests, attestation response F-10) refuses an x5c that contains the full chain up to the
    /// trusted root. Android Key attestation is the exception: Android's KeyStore returns the whole chain, Google's root
    /// included, on every device (WebAuthn L3 §8.4), so refusing it would refuse every Android phone. Its root is still
    /// never trusted for being in x5c: the chain must end in a configured anchor.
    /// </summary>
    private static bool RootAllowedInTrustPath(string? format) => string.Equals(format, "android-key", StringComparison.Ordinal);

    private static AttestationTrustOutcome RootInTrustPath(Guid aaguid, AuthenticatorModel? model) => new()
    {
        Failure = MfaFailureReason.InvalidAttestation,
        Message = "The attestation's x5c contains its trusted root certificate, which it must not.",
        Aaguid = aaguid,
        Model = model,
    };

    /// <summary>The attestation certificate key identifiers of a trust path: lowercase hex SHA-1 of each subjectPublicKey, leaf first.</summary>
    /// <param name="trustPath">The certificates.</param>
    /// <returns>The identifiers.</returns>
    [SuppressMessage("Security", "CA5350", Justification = "FIDO metadata (MDS3 §3.1.1 attestationCertificateKeyIdentifiers) defines the identifier as SHA-1 of the key; it is a lookup key, not a security check.")]
    public static IReadOnlyList<string> KeyIdentifiers(IReadOnlyList<X509Certificate2> trustPath) =>
        [.. trustPath.Select(static c => Convert.ToHexStringLower(SHA1.HashData(c.PublicKey.EncodedKeyValue.RawData)))];
}
