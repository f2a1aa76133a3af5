using Mfa.Core;
using Microsoft.Extensions.Logging;

namespace Mfa.WebAuthn.Diagnostics;

/// <summary>WebAuthn security events. Parameters are ids, counters and reasons: never keys, challenges or client data.</summary>
internal static partial class WebAuthnLog
{
    [LoggerMessage(EventId = WebAuthnEventIds.CounterRollback, Level = LogLevel.Warning, Message = "WebAuthn authenticator {AuthenticatorId} of user {UserId} reported counter {Reported} after {Stored}: it may be cloned (accepted: {Accepted})")]
    public static partial void CounterRollback(ILogger logger, string authenticatorId, string userId, uint reported, uint stored, bool accepted);

    [LoggerMessage(EventId = WebAuthnEventIds.CredentialAlreadyRegistered, Level = LogLevel.Warning, Message = "WebAuthn registration for user {UserId} refused: the credential id is already registered")]
    public static partial void CredentialAlreadyRegistered(ILogger logger, string userId);

    [LoggerMessage(EventId = WebAuthnEventIds.UserHandleMismatch, Level = LogLevel.Warning, Message = "WebAuthn assertion with authenticator {AuthenticatorId} refused: the user handle does not name its owner {UserId}")]
    public static partial void UserHandleMismatch(ILogger logger, string authenticatorId, string userId);

    [LoggerMessage(EventId = WebAuthnEventIds.LegacyKeyImported, Level = LogLevel.Information, Message = "Legacy U2F key imported as authenticator {AuthenticatorId} of user {UserId}")]
    public static partial void LegacyKeyImported(ILogger logger, string authenticatorId, string userId);

    [LoggerMessage(EventId = WebAuthnEventIds.PasskeySignInSucceeded, Level = LogLevel.Information, Message = "Passkey sign-in {ChallengeId} succeeded for user {UserId} with authenticator {AuthenticatorId}")]
    public static partial void PasskeySignInSucceeded(ILogger logger, string challengeId, string userId, string authenticatorId);

    [LoggerMessage(EventId = WebAuthnEventIds.PasskeySignInFailed, Level = LogLevel.Warning, Message = "Passkey sign-in {ChallengeId} failed: {Reason}")]
    public static partial void PasskeySignInFailed(ILogger logger, string challengeId, MfaFailureReason reason);

    [LoggerMessage(EventId = WebAuthnEventIds.RegistrationModelRefused, Level = LogLevel.Warning, Message = "WebAuthn registration for user {UserId} refused: authenticator model {Aaguid} \"{Model}\" has the metadata status {Status}")]
    public static partial void RegistrationModelRefused(ILogger logger, string userId, Guid aaguid, string model, string status);
}
