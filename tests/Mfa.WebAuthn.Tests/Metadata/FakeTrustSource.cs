using Mfa.WebAuthn.Attestation;

namespace Mfa.WebAuthn.Tests.Metadata;

/// <summary>A trust source that knows the given models by AAGUID and counts its look-ups.</summary>
internal sealed class FakeTrustSource(params AuthenticatorModel[] models) : IAuthenticatorTrustSource
{
    public int Lookups { get; private set; }

    public AuthenticatorModel? FindModel(Guid aaguid, IReadOnlyList<string> attestationCertificateKeyIdentifiers)
    {
        Lookups++;
        return models.FirstOrDefault(m => m.Aaguid == aaguid);
    }
}
