using System.Globalization;
using Mfa.Core;

namespace Mfa.Sample.Web;

/// <summary>What a person is told for each failure reason (never a raw code or JSON).</summary>
internal static class SampleMessages
{
    public static string For(MfaFailureReason reason, TimeSpan? retryAfter = null) => reason switch
    {
        MfaFailureReason.None => "Done.",
        MfaFailureReason.InvalidCode => "That code is not right. Check the app and try again.",
        MfaFailureReason.Replayed => "That code was already used. Wait for the next one.",
        MfaFailureReason.Expired => "That took too long. Please try again.",
        MfaFailureReason.ChallengeNotFound or MfaFailureReason.ChallengeMismatch or MfaFailureReason.ChallengeAlreadyUsed
            => "This sign-in step is no longer valid. Please start again.",
        MfaFailureReason.LockedOut => retryAfter is { } wait
            ? string.Create(CultureInfo.InvariantCulture, $"Too many failed attempts. Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s), or ask your administrator.")
            : "This account is locked after too many failed attempts. Ask your administrator to unlock it.",
        MfaFailureReason.NotEnrolled => "You have not set up this method yet.",
        MfaFailureReason.FactorNotAllowed => "Your administrator does not allow this method.",
        MfaFailureReason.LastAuthenticator => "This is your last sign-in method while MFA is required: removing it would lock you out.",
        MfaFailureReason.AlreadyEnrolled => "This is already set up.",
        MfaFailureReason.CredentialNotAllowed or MfaFailureReason.UnknownAuthenticator => "This security key or passkey is not registered here.",
        MfaFailureReason.Denied => "The request was denied.",
        MfaFailureReason.FraudReported => "The request was reported as not yours. Sign-in refused.",
        MfaFailureReason.NumberMismatch => "The number typed on the phone did not match. Sign-in refused.",
        MfaFailureReason.InvalidRecoveryCode => "That recovery code is not valid or was already used.",
        MfaFailureReason.RateLimited => "Too many requests. Wait a little, or choose another method.",
        MfaFailureReason.ReauthenticationRequired => "Please confirm it is you with a second factor first.",
        MfaFailureReason.DuoUnavailable => "Duo is unavailable right now. Choose another method or try again later.",
        MfaFailureReason.DuoPolicyBypass => "Duo let this sign-in through without a second factor, which this site does not accept.",
        MfaFailureReason.StoreUnavailable or MfaFailureReason.SecretUnavailable or MfaFailureReason.RemoteFailure
            => "Something went wrong on our side. Please try again in a moment.",
        MfaFailureReason.UserVerificationRequired => "This authenticator must verify you (PIN or biometrics).",
        MfaFailureReason.PolicyViolation => "Your administrator's policy does not allow this.",
        _ => "That did not work. Please try again.",
    };
}
