using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>MDS3 §3.2 steps 4–5: validates the BLOB's x5c to a configured trust anchor (RFC 5280) and checks revocation with host-supplied CRLs.</summary>
internal static class SigningChain
{
    private const X509ChainStatusFlags TimeFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;

    /// <summary>Builds the chain from <paramref name="x5c"/> (leaf first) to one of <paramref name="anchors"/> only, at <paramref name="at"/>.</summary>
    /// <param name="x5c">The BLOB's certificates, leaf first: they help build the chain, never end it.</param>
    /// <param name="anchors">The configured trust anchors.</param>
    /// <param name="at">The verification time.</param>
    /// <param name="chain">The validated chain, leaf first, ending in an anchor.</param>
    /// <returns><see cref="MetadataBlobError.None"/>, <see cref="MetadataBlobError.ChainUntrusted"/> or <see cref="MetadataBlobError.CertificateExpired"/>.</returns>
    public static MetadataBlobError Validate(IReadOnlyList<X509Certificate2> x5c, IReadOnlyList<X509Certificate2> anchors, DateTimeOffset at, out IReadOnlyList<X509Certificate2> chain)
    {
        chain = [];
        using var builder = new X509Chain();

        // Only the configured anchors are trusted: nothing from the BLOB, nothing from the system store, no downloads.
        builder.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        builder.ChainPolicy.CustomTrustStore.AddRange(anchors.ToArray());
        builder.ChainPolicy.ExtraStore.AddRange(x5c.Skip(1).ToArray());
        builder.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // CRLs are checked below, from the host's files.
        builder.ChainPolicy.DisableCertificateDownloads = true;
        builder.ChainPolicy.VerificationTime = at.UtcDateTime;
        builder.ChainPolicy.VerificationTimeIgnored = false;
        var built = builder.Build(x5c[0]);
        var flags = builder.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, static (all, s) => all | s.Status);
        if (!built)
        {
            // A chain that fails for any reason besides time is untrusted; one that fails only for time has an expired link.
            return (flags & ~TimeFlags) == X509ChainStatusFlags.NoError && (flags & TimeFlags) != X509ChainStatusFlags.NoError
                ? MetadataBlobError.CertificateExpired
                : MetadataBlobError.ChainUntrusted;
        }

        var elements = builder.ChainElements.Select(static e => e.Certificate).ToList();

        // CustomRootTrust already requires the chain to end in the custom store; confirm it explicitly.
        var top = elements[^1];
        if (!anchors.Any(a => a.RawDataMemory.Span.SequenceEqual(top.RawDataMemory.Span)))
        {
            return MetadataBlobError.ChainUntrusted;
        }

        // RFC 5280 §4.2.1.9: every issuer must be a CA (an end-entity certificate in the issuer slot is refused).
        for (var i = 1; i < elements.Count; i++)
        {
            if (elements[i].Extensions[Oids.BasicConstraints] is not X509BasicConstraintsExtension { CertificateAuthority: true })
            {
                return MetadataBlobError.ChainUntrusted;
            }
        }

        // Belt and braces on validity: every element at the verification time.
        if (elements.Any(c => !IsValidAt(c, at)))
        {
            return MetadataBlobError.CertificateExpired;
        }

        chain = elements;
        return MetadataBlobError.None;
    }

    /// <summary>Whether <paramref name="at"/> is within the certificate's notBefore … notAfter.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="at">The time.</param>
    /// <returns>Whether it is valid then.</returns>
    public static bool IsValidAt(X509Certificate2 certificate, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return utc >= certificate.NotBefore.ToUniversalTime() && utc <= certificate.NotAfter.ToUniversalTime();
    }

    /// <summary>MDS3 §3.2 step 5: checks every non-anchor certificate of <paramref name="chain"/> against its issuer's CRL.</summary>
    /// <param name="chain">The validated chain, leaf first, ending in the anchor.</param>
    /// <param name="crls">The host-supplied CRLs.</param>
    /// <param name="requireRevocation">Whether a missing or stale CRL fails (otherwise only a listed serial does).</param>
    /// <param name="at">The verification time.</param>
    /// <returns>None, CertificateRevoked, CrlMissing, CrlNotCurrent or CrlInvalid.</returns>
    public static MetadataBlobError CheckRevocation(IReadOnlyList<X509Certificate2> chain, IReadOnlyList<ReadOnlyMemory<byte>> crls, bool requireRevocation, DateTimeOffset at)
    {
        var parsed = new List<RevocationList>(crls.Count);
        foreach (var data in crls)
        {
            if (!RevocationList.TryParse(data, out var crl) || crl is null)
            {
                return MetadataBlobError.CrlInvalid;
            }

            parsed.Add(crl);
        }

        for (var i = 0; i < chain.Count - 1; i++)
        {
            var subject = chain[i];
            var issuer = chain[i + 1];
            var fromIssuer = parsed.Where(c => c.IsFrom(issuer)).ToList();

            // RFC 5280 §6.3.3 (f): a CRL is used only if its signature verifies with the issuer's key.
            if (fromIssuer.Any(c => !c.IsSignedBy(issuer)))
            {
                return MetadataBlobError.CrlInvalid;
            }

            if (fromIssuer.Any(c => c.Lists(subject)))
            {
                return MetadataBlobError.CertificateRevoked;
            }

            if (!requireRevocation)
            {
                continue;
            }

            if (fromIssuer.Count == 0)
            {
                return MetadataBlobError.CrlMissing;
            }

            if (!fromIssuer.Any(c => c.IsCurrentAt(at)))
            {
                return MetadataBlobError.CrlNotCurrent;
            }
        }

        return MetadataBlobError.None;
    }
}
