using Microsoft.Extensions.Logging;

namespace Mfa.Core.Diagnostics;

/// <summary>Log messages for security decisions. Parameters are ids, kinds and reasons: never codes, secrets or keys.</summary>
internal static partial class MfaLog
{
    [LoggerMessage(EventId = MfaEventIds.ChallengeBegun, Level = LogLevel.Information, Message = "MFA challenge {ChallengeId} begun for user {UserId} with {Factor} for {Purpose}")]
    public static partial void ChallengeBegun(ILogger logger, string challengeId, string userId, string factor, string purpose);

    [LoggerMessage(EventId = MfaEventIds.ChallengeSucceeded, Level = LogLevel.Information, Message = "MFA challenge {ChallengeId} succeeded for user {UserId} with {Factor} authenticator {AuthenticatorId} for {Purpose}")]
    public static partial void ChallengeSucceeded(ILogger logger, string challengeId, string userId, string factor, string authenticatorId, string purpose);

    [LoggerMessage(EventId = MfaEventIds.ChallengeFailed, Level = LogLevel.Warning, Message = "MFA challenge {ChallengeId} failed for user {UserId} with {Factor}: {Reason}")]
    public static partial void ChallengeFailed(ILogger logger, string challengeId, string userId, string factor, MfaFailureReason reason);

    [LoggerMessage(EventId = MfaEventIds.LockedOut, Level = LogLevel.Warning, Message = "MFA attempt refused for user {UserId}: locked out until {LockedUntil}")]
    public static partial void LockedOut(ILogger logger, string userId, DateTimeOffset? lockedUntil);

    [LoggerMessage(EventId = MfaEventIds.AuthenticatorHardLocked, Level = LogLevel.Warning, Message = "Authenticator {AuthenticatorId} of user {UserId} locked after {Failures} consecutive failures")]
    public static partial void AuthenticatorHardLocked(ILogger logger, string authenticatorId, string userId, int failures);

    [LoggerMessage(EventId = MfaEventIds.Unlocked, Level = LogLevel.Warning, Message = "User {UserId} unlocked by an administrator")]
    public static partial void Unlocked(ILogger logger, string userId);

    [LoggerMessage(EventId = MfaEventIds.EnrollmentBegun, Level = LogLevel.Information, Message = "Enrollment {ChallengeId} of a {Factor} authenticator begun for user {UserId}")]
    public static partial void EnrollmentBegun(ILogger logger, string challengeId, string factor, string userId);

    [LoggerMessage(EventId = MfaEventIds.EnrollmentSucceeded, Level = LogLevel.Information, Message = "User {UserId} enrolled {Factor} authenticator {AuthenticatorId}")]
    public static partial void EnrollmentSucceeded(ILogger logger, string userId, string factor, string authenticatorId);

    [LoggerMessage(EventId = MfaEventIds.EnrollmentFailed, Level = LogLevel.Warning, Message = "Enrollment {ChallengeId} of a {Factor} authenticator failed for user {UserId}: {Reason}")]
    public static partial void EnrollmentFailed(ILogger logger, string challengeId, string factor, string userId, MfaFailureReason reason);

    [LoggerMessage(EventId = MfaEventIds.AuthenticatorRenamed, Level = LogLevel.Information, Message = "Authenticator {AuthenticatorId} of user {UserId} renamed")]
    public static partial void AuthenticatorRenamed(ILogger logger, string authenticatorId, string userId);

    [LoggerMessage(EventId = MfaEventIds.AuthenticatorRemoved, Level = LogLevel.Information, Message = "Authenticator {AuthenticatorId} ({Factor}) of user {UserId} removed")]
    public static partial void AuthenticatorRemoved(ILogger logger, string authenticatorId, string factor, string userId);

    [LoggerMessage(EventId = MfaEventIds.LastAuthenticatorRemovalRefused, Level = LogLevel.Warning, Message = "Refused to remove the last authenticator {AuthenticatorId} of user {UserId}, who must use MFA")]
    public static partial void LastAuthenticatorRemovalRefused(ILogger logger, string authenticatorId, string userId);

    [LoggerMessage(EventId = MfaEventIds.UserLockedOutByRemoval, Level = LogLevel.Warning, Message = "The last authenticator {AuthenticatorId} of user {UserId} was removed by force; the user must use MFA and is now locked out")]
    public static partial void UserLockedOutByRemoval(ILogger logger, string authenticatorId, string userId);

    [LoggerMessage(EventId = MfaEventIds.RecoveryCodesGenerated, Level = LogLevel.Information, Message = "New recovery codes generated for user {UserId} ({Count} codes); the old set is void")]
    public static partial void RecoveryCodesGenerated(ILogger logger, string userId, int count);

    [LoggerMessage(EventId = MfaEventIds.RecoveryCodeRedeemed, Level = LogLevel.Information, Message = "Recovery code redeemed by user {UserId}; {Remaining} left")]
    public static partial void RecoveryCodeRedeemed(ILogger logger, string userId, int remaining);

    [LoggerMessage(EventId = MfaEventIds.RecoveryCodeRefused, Level = LogLevel.Warning, Message = "Recovery code refused for user {UserId}: {Reason}")]
    public static partial void RecoveryCodeRefused(ILogger logger, string userId, MfaFailureReason reason);

    [LoggerMessage(EventId = MfaEventIds.RequirementChanged, Level = LogLevel.Warning, Message = "MFA requirement of user {UserId} set to {Requirement} by an administrator")]
    public static partial void RequirementChanged(ILogger logger, string userId, string requirement);

    [LoggerMessage(EventId = MfaEventIds.ChallengeAnswered, Level = LogLevel.Information, Message = "MFA challenge {ChallengeId} of user {UserId} answered {Outcome} by {Factor} authenticator {AuthenticatorId}")]
    public static partial void ChallengeAnswered(ILogger logger, string challengeId, string userId, string factor, string authenticatorId, Factors.ChallengeAnswerOutcome outcome);

    [LoggerMessage(EventId = MfaEventIds.AnswerRefused, Level = LogLevel.Warning, Message = "Answer to MFA challenge {ChallengeId} ({Factor}) of user {UserId} refused: {Reason}")]
    public static partial void AnswerRefused(ILogger logger, string challengeId, string factor, string userId, MfaFailureReason reason);

    [LoggerMessage(EventId = MfaEventIds.FraudReported, Level = LogLevel.Critical, Message = "User {UserId} reported MFA challenge {ChallengeId} ({Factor}, authenticator {AuthenticatorId}) as fraud: someone else may hold the user's password")]
    public static partial void FraudReported(ILogger logger, string challengeId, string userId, string factor, string authenticatorId);

    [LoggerMessage(EventId = MfaEventIds.AdministratorRenamedAuthenticator, Level = LogLevel.Warning, Message = "Authenticator {AuthenticatorId} of user {UserId} renamed by an administrator")]
    public static partial void AdministratorRenamedAuthenticator(ILogger logger, string authenticatorId, string userId);

    [LoggerMessage(EventId = MfaEventIds.AdministratorRemovedAuthenticator, Level = LogLevel.Warning, Message = "Authenticator {AuthenticatorId} ({Factor}) of user {UserId} removed by an administrator")]
    public static partial void AdministratorRemovedAuthenticator(ILogger logger, string authenticatorId, string factor, string userId);

    [LoggerMessage(EventId = MfaEventIds.ReauthenticationRequired, Level = LogLevel.Warning, Message = "Factor change ({Operation}) refused for user {UserId}: no MFA verification within the allowed age")]
    public static partial void ReauthenticationRequired(ILogger logger, string userId, string operation);

    [LoggerMessage(EventId = MfaEventIds.StoreUnavailable, Level = LogLevel.Error, Message = "MFA store unavailable ({Fault}); an operation for user {UserId} ended with StoreUnavailable")]
    public static partial void StoreUnavailable(ILogger logger, string userId, string fault);

    [LoggerMessage(EventId = MfaEventIds.SecretUnavailable, Level = LogLevel.Error, Message = "The secret of {Factor} authenticator {AuthenticatorId} (user {UserId}) cannot be opened: it names key {KeyId}, and no configured key opens it; re-encryption left it as it is")]
    public static partial void SecretUnavailable(ILogger logger, string factor, string authenticatorId, string userId, string keyId);

    [LoggerMessage(EventId = MfaEventIds.SecretsReencrypted, Level = LogLevel.Information, Message = "Secret re-encryption{DryRun}: {Moved} moved to the newest key, {Current} already current, {Unreadable} unreadable, {Conflicts} conflicts, {Skipped} without secrets")]
    public static partial void SecretsReencrypted(ILogger logger, string dryRun, int moved, int current, int unreadable, int conflicts, int skipped);
}
