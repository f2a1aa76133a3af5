using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Factors;

/// <summary>Which credential a discoverable response names (<see cref="IDiscoverableFactor.IdentifyCredential"/>).</summary>
public sealed class CredentialIdentification : MfaResult
{
    private CredentialIdentification(MfaFailureReason reason, string? message, string? credentialId)
        : base(reason, message) => CredentialId = credentialId;

    /// <summary>Whether a credential id was read.</summary>
    [MemberNotNullWhen(true, nameof(CredentialId))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The credential id, as stored in <see cref="AuthenticatorRecord.CredentialId"/>.</summary>
    public string? CredentialId { get; }

    /// <summary>A credential id was read.</summary>
    /// <param name="credentialId">The id.</param>
    /// <returns>The result.</returns>
    public static CredentialIdentification Found(string credentialId)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        return new(MfaFailureReason.None, null, credentialId);
    }

    /// <summary>No credential id could be read.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <returns>The result.</returns>
    public static CredentialIdentification Failure(MfaFailureReason reason, string? message = null) => new(reason, message, null);
}
