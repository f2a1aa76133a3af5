namespace Mfa.WebAuthn.Attestation;

/// <summary>Combines the registered <see cref="IAuthenticatorTrustSource"/>s into the one registration consults.</summary>
internal static class TrustSources
{
    /// <summary>No source, the single one, or one that asks each in turn.</summary>
    /// <param name="sources">The registered sources.</param>
    /// <returns>The source to consult, or <see langword="null"/> when there is none.</returns>
    public static IAuthenticatorTrustSource? Combine(IEnumerable<IAuthenticatorTrustSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        IReadOnlyList<IAuthenticatorTrustSource> list = [.. sources.Distinct()];
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => new FirstKnowing(list),
        };
    }

    private sealed class FirstKnowing(IReadOnlyList<IAuthenticatorTrustSource> sources) : IAuthenticatorTrustSource
    {
        public AuthenticatorModel? FindModel(Guid aaguid, IReadOnlyList<string> attestationCertificateKeyIdentifiers) =>
            sources.Select(s => s.FindModel(aaguid, attestationCertificateKeyIdentifiers)).FirstOrDefault(static m => m is not null);
    }
}
