using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Attestation;

/// <summary>Decides whether a trust path chains to one of the configured anchors at a given time. SHARED CONTRACT.</summary>
internal static class TrustAnchorEvaluator
{
    /// <summary>Builds a chain from <paramref name="trustPath"/> (leaf first) to one of <paramref name="anchors"/> only (no system store), checking validity at <paramref name="at"/>.</summary>
    /// <param name="trustPath">The x5c certificates, leaf first.</param>
    /// <param name="anchors">The trusted roots (or intermediates) for this AAGUID.</param>
    /// <param name="at">The verification time.</param>
    /// <returns>Whether the path chains to an anchor.</returns>
    public static bool ChainsToAnchor(IReadOnlyList<X509Certificate2> trustPath, IReadOnlyCollection<X509Certificate2> anchors, DateTimeOffset at) => throw new NotSupportedException("Not yet implemented (#3)."); // TODO(#3)
}
