namespace Mfa.Core.Diagnostics;

/// <summary>The stable <see cref="Microsoft.Extensions.Logging.EventId"/> numbers of every security decision Mfa.Sdk logs.</summary>
/// <remarks>
/// Event ids are stable: a number, once shipped, keeps its meaning. Each package owns blocks and adds ids only inside
/// them; a new block is assigned here first.
/// <list type="table">
///   <listheader><term>ids</term><description>owner (where the constants are)</description></listheader>
///   <item><term>1000–1012</term><description>Mfa.Core: challenges, lockout, out-of-band answers (this class)</description></item>
///   <item><term>1100–1102, 1110–1115</term><description>Mfa.Core: enrollment, administrative changes, recent proof, store faults, sweeping (this class; 1114–1115 in <c>MfaMaintenanceService</c>)</description></item>
///   <item><term>1200–1203</term><description>Mfa.Core: authenticator management (this class)</description></item>
///   <item><term>1210–1229</term><description>Mfa.AspNetCore</description></item>
///   <item><term>1300–1302</term><description>Mfa.Core: recovery codes (this class)</description></item>
///   <item><term>1310–1319</term><description>Mfa.Totp, HOTP (<c>HotpEventIds</c>)</description></item>
///   <item><term>1400</term><description>Mfa.Core: requirement changes (this class)</description></item>
///   <item><term>1410–1419</term><description>Mfa.Push (<c>PushEventIds</c>)</description></item>
///   <item><term>1500–1504</term><description>Mfa.Push (literal ids in <c>PushFactorLog</c>: device gone, not delivered, bad answer signature, enrollment refused, anti-fatigue)</description></item>
///   <item><term>1505–1509</term><description>Mfa.Core key ring: <see cref="SecretUnavailable"/>, <see cref="SecretsReencrypted"/> (this class; also logged by factors that hold secrets)</description></item>
///   <item><term>3000–3006</term><description>Mfa.WebAuthn (<c>WebAuthnEventIds</c>)</description></item>
///   <item><term>3100–3104</term><description>Mfa.WebAuthn.Metadata (<c>MetadataEventIds</c>)</description></item>
///   <item><term>4000–4002</term><description>Mfa.Storage.Relational (<c>RelationalEventIds</c>: migration, sweeping)</description></item>
///   <item><term>13000–13003</term><description>Mfa.Duo (<c>DuoEventIds</c>)</description></item>
/// </list>
/// </remarks>
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

    /// <summary>
    /// A stored secret could not be opened with any configured key (a key removed too early, a wrong key, a tampered record):
    /// the operation ended with <see cref="MfaFailureReason.SecretUnavailable"/>. Error level; names the authenticator and the
    /// key id the secret asked for, never key material.
    /// </summary>
    public const int SecretUnavailable = 1505;

    /// <summary>A page of <see cref="Service.IMfaAdministration.ReencryptSecretsAsync"/> ran: its counts.</summary>
    public const int SecretsReencrypted = 1506;
}
