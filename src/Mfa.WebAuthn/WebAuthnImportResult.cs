using System.Diagnostics.CodeAnalysis;
using Mfa.Core;

namespace Mfa.WebAuthn;

/// <summary>The outcome of importing a legacy U2F key.</summary>
public sealed class WebAuthnImportResult : MfaResult
{
    private WebAuthnImportResult(MfaFailureReason reason, string? message, string? authenticatorId)
        : base(reason, message) => AuthenticatorId = authenticatorId;

    /// <summary>Whether the key was imported.</summary>
    [MemberNotNullWhen(true, nameof(AuthenticatorId))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The new authenticator record's id (rename and remove it through the MFA service).</summary>
    public string? AuthenticatorId { get; }

    internal static WebAuthnImportResult Success(string authenticatorId) => new(MfaFailureReason.None, null, authenticatorId);

    internal static WebAuthnImportResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message, null);
}
