namespace Mfa.Core.Diagnostics;

/// <summary>The stable <see cref="Microsoft.Extensions.Logging.EventId"/> numbers of every security decision Mfa.Sdk logs.</summary>
public static class MfaEventIds
{
    /// <summary>A challenge was begun.</summary>
    public const int ChallengeBegun = 1000;

    /// <summary>A challenge succeeded.</summary>
    public const int ChallengeSucceeded = 1001;

    /// <summary>A challenge failed.</summary>
    public const int ChallengeFailed = 1002;

    /// <summary>An attempt was refused because the user or authenticator is locked out.</summary>
    public const int LockedOut = 1003;

    /// <summary>An authenticator reached the hard-lock threshold.</summary>
    public const int AuthenticatorHardLocked = 1004;

    /// <summary>An administrator unlocked a user.</summary>
    public const int Unlocked = 1005;

    /// <summary>An enrollment was begun.</summary>
    public const int EnrollmentBegun = 1100;

    /// <summary>An authenticator was enrolled.</summary>
    public const int EnrollmentSucceeded = 1101;

    /// <summary>An enrollment failed.</summary>
    public const int EnrollmentFailed = 1102;

    /// <summary>An authenticator was renamed.</summary>
    public const int AuthenticatorRenamed = 1200;

    /// <summary>An authenticator was removed.</summary>
    public const int AuthenticatorRemoved = 1201;

    /// <summary>Removing the user's last authenticator was refused while MFA is required.</summary>
    public const int LastAuthenticatorRemovalRefused = 1202;

    /// <summary>The user's last authenticator was removed by force while MFA is required: the user is now locked out.</summary>
    public const int UserLockedOutByRemoval = 1203;

    /// <summary>A new recovery-code set was generated (the old one is void).</summary>
    public const int RecoveryCodesGenerated = 1300;

    /// <summary>A recovery code was redeemed.</summary>
    public const int RecoveryCodeRedeemed = 1301;

    /// <summary>A recovery code was refused.</summary>
    public const int RecoveryCodeRefused = 1302;

    /// <summary>A user's MFA requirement was changed.</summary>
    public const int RequirementChanged = 1400;

    /// <summary>An out-of-band challenge's answer (approve, deny, fraud) was recorded.</summary>
    public const int ChallengeAnswered = 1010;

    /// <summary>An out-of-band answer was refused (forged, late, a second answer, unknown challenge).</summary>
    public const int AnswerRefused = 1011;

    /// <summary>The user reported an out-of-band request as fraud: high severity, investigate.</summary>
    public const int FraudReported = 1012;

    /// <summary>An administrator renamed a user's authenticator (<see cref="Service.IMfaService.Administration"/>).</summary>
    public const int AdministratorRenamedAuthenticator = 1110;

    /// <summary>An administrator removed a user's authenticator (<see cref="Service.IMfaService.Administration"/>).</summary>
    public const int AdministratorRemovedAuthenticator = 1111;

    /// <summary>A factor change was refused: the user's last MFA verification is missing or older than the allowed age.</summary>
    public const int ReauthenticationRequired = 1112;

    /// <summary>A store fault ended an operation with <see cref="MfaFailureReason.StoreUnavailable"/>.</summary>
    public const int StoreUnavailable = 1113;
}
