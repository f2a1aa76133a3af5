using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Attestation;

/// <summary>Decides whether a trust path chains to one of the configured anchors at a given time.</summary>
internal static class TrustAnchorEvaluator
{
    /// <summary>Builds a chain from <paramref name="trustPath"/> (leaf first) to one of <paramref name="anchors"/> only (no system store), checking validity at <paramref name="at"/>.</summary>
    /// <remarks>
    /// Uses <see cref="X509ChainTrustMode.CustomRootTrust"/>: only <paramref name="anchors"/> are trusted, the rest of
    /// the trust path only helps build the chain (a self-signed root appended to x5c is not trusted for being there).
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
            chain.ChainPolicy.ExtraStore.Add(trustPath[i]);
        }

        if (!chain.Build(trustPath[0]))
        {
            return false;
        }

        // CustomRootTrust already requires the chain to end in CustomTrustStore; confirm it explicitly.
        var top = chain.ChainElements[^1].Certificate;
        return anchors.Any(a => a.RawDataMemory.Span.SequenceEqual(top.RawDataMemory.Span));
    }
}
