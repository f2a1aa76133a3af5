using System.Diagnostics.CodeAnalysis;
using Mfa.Core;

namespace Mfa.WebAuthn;

/// <summary>The outcome of a passkey sign-in without a username: on success, the user the credential belongs to.</summary>
public sealed class WebAuthnPasskeySignInResult : MfaResult
{
    private WebAuthnPasskeySignInResult(MfaFailureReason reason, string? message)
        : base(reason, message)
    {
    }

    /// <summary>Whether the sign-in succeeded.</summary>
    [MemberNotNullWhen(true, nameof(UserId), nameof(AuthenticatorId))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The user who signed in (the owner of the credential, confirmed by the user handle).</summary>
    public string? UserId { get; private init; }

    /// <summary>The authenticator record that answered.</summary>
    public string? AuthenticatorId { get; private init; }

    /// <summary>Whether the authenticator verified the user: with it, the passkey alone is multi-factor.</summary>
    public bool UserVerified { get; private init; }

    /// <summary>The signature counter the authenticator reported.</summary>
    public uint SignCount { get; private init; }

    /// <summary>Whether the credential is currently backed up (synced passkey).</summary>
    public bool BackupState { get; private init; }

    /// <summary>Whether the counter did not increase and was accepted under <see cref="CounterRollbackPolicy.FlagOnly"/>.</summary>
    public bool CounterRollbackDetected { get; private init; }

    internal static WebAuthnPasskeySignInResult Success(string userId, string authenticatorId, WebAuthnChallengeCompleteResult details) => new(MfaFailureReason.None, null)
    {
        UserId = userId,
        AuthenticatorId = authenticatorId,
        UserVerified = details.UserVerified,
        SignCount = details.SignCount,
        BackupState = details.BackupState,
        CounterRollbackDetected = details.CounterRollbackDetected,
    };

    internal static WebAuthnPasskeySignInResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message);
}
