using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Attestation;

/// <summary>Decides whether a trust path chains to one of the configured anchors at a given time.</summary>
internal static class TrustAnchorEvaluator
{
    /// <summary>Builds a chain from <paramref name="trustPath"/> (leaf first) to one of <paramref name="anchors"/> only (no system store), checking validity at <paramref name="at"/>.</summary>
    /// <remarks>
    /// Uses <see cref="X509ChainTrustMode.CustomRootTrust"/>: only <paramref name="anchors"/> are trusted, and only the
    /// trust path's intermediates help build the chain: a self-issued (root) certificate in x5c is never put in the
    /// chain's extra store, so the chain ends in a configured anchor or nowhere.
    /// Revocation is not checked (no network access). An anchor may be an intermediate: the chain then ends there.
    /// </remarks>
    /// <param name="trustPath">The x5c certificates, leaf first.</param>
    /// <param name="anchors">The trusted roots (or intermediates) for this AAGUID.</param>
    /// <param name="at">The verification time.</param>
    /// <returns>Whether the path chains to an anchor.</returns>
    public static bool ChainsToAnchor(IReadOnlyList<X509Certificate2> trustPath, IReadOnlyCollection<X509Certificate2> anchors, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(trustPath);
        ArgumentNullException.ThrowIfNull(anchors);
        if (trustPath.Count == 0 || anchors.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        foreach (var anchor in anchors)
        {
            chain.ChainPolicy.CustomTrustStore.Add(anchor);
        }

        for (var i = 1; i < trustPath.Count; i++)
        {
            if (!IsSelfIssued(trustPath[i]))
            {
                chain.ChainPolicy.ExtraStore.Add(trustPath[i]);
            }
        }

        if (!chain.Build(trustPath[0]))
        {
            return false;
        }

        // CustomRootTrust already requires the chain to end in CustomTrustStore; confirm it explicitly.
        var top = chain.ChainElements[^1].Certificate;
        return anchors.Any(a => a.RawDataMemory.Span.SequenceEqual(top.RawDataMemory.Span));
    }

    /// <summary>
    /// Whether x5c carries, after its attestation certificate, a trust anchor that is a root (self-issued): FIDO
    /// conformance requires such a statement to be refused (x5c must not contain the root). The attestation certificate
    /// itself may be an anchor (a batch certificate listed as its own root in metadata).
    /// </summary>
    /// <param name="trustPath">The x5c certificates, leaf first.</param>
    /// <param name="anchors">The trusted roots (or intermediates) for this AAGUID.</param>
    /// <returns>Whether a root anchor appears in x5c after the leaf.</returns>
    public static bool IncludesRootAnchor(IReadOnlyList<X509Certificate2> trustPath, IReadOnlyCollection<X509Certificate2> anchors)
    {
        ArgumentNullException.ThrowIfNull(trustPath);
        ArgumentNullException.ThrowIfNull(anchors);
        for (var i = 1; i < trustPath.Count; i++)
        {
            var certificate = trustPath[i];
            if (IsSelfIssued(certificate) && anchors.Any(a => a.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSelfIssued(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
