using System.Security.Cryptography;
using System.Text;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Duo.Factor;
using Mfa.Duo.Failmode;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;
using Mfa.Duo.UniversalPrompt;

namespace Mfa.Duo;

/// <summary>The Universal Prompt flow: health check (failmode), authorization URL, then the callback's code exchange.</summary>
internal sealed partial class DuoFactor
{
    private async Task<ChallengeBeginResult> BeginUniversalPromptAsync(ChallengeContext context, AuthenticatorRecord record, string username, CancellationToken cancellationToken)
    {
        if (!HasUniversalPrompt)
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.NotSupported, "The Duo Universal Prompt is not configured (ClientId, ClientSecret).");
        }

        var health = await universal.HealthCheckAsync(cancellationToken).ConfigureAwait(false);
        var decision = failmode.Evaluate(health, username);
        switch (decision.Outcome)
        {
            case DuoFailmodeOutcome.Deny:
                return ChallengeBeginResult.Failure(decision.FailureReason);
            case DuoFailmodeOutcome.AllowWithoutDuo:
                return FailOpen(DuoChallengeMode.UniversalPrompt, record, username, decision.Failure);
        }

        // The service's challenge id (128 random bits, base64url) fits Duo's state rules, so it is the state: the callback
        // names its own challenge. A derived random state is the fallback should the id's shape ever change.
        var state = IsDuoState(context.ChallengeId) ? context.ChallengeId : DuoStateGenerator.Generate();
        var nonce = DuoStateGenerator.Generate();
        Uri url;
        try
        {
            url = universal.BuildAuthorizationUrl(username, state, nonce);
        }
        catch (ArgumentException)
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.MalformedInput, "The stored Duo username cannot be sent to Duo.");
        }

        var stateBytes = Serialize(new DuoChallengeState(DuoChallengeMode.UniversalPrompt, record.Id, username, state, nonce, null, DuoChallengeStep.Duo, DuoFailureKind.None));
        return ChallengeBeginResult.Begun(new DuoChallengePrompt(DuoChallengeMode.UniversalPrompt, url, duoBypassed: false, Options.AllowedAuthOptions), stateBytes);
    }

    private async Task<ChallengeCompleteResult> CompleteUniversalPromptAsync(AuthenticatorRecord record, DuoChallengeState challenge, DuoCallbackResponse callback, CancellationToken cancellationToken)
    {
        // The state first, in constant time: a callback from another challenge (or session) never reaches Duo's token endpoint.
        if (challenge.State is null || challenge.Nonce is null || !FixedTimeEquals(challenge.State, callback.State))
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.ChallengeMismatch, "The state does not belong to this challenge.", record);
        }

        if (callback.Error is not null)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.Denied, "Duo did not authenticate the user.", record);
        }

        if (callback.Code.Length is 0 or > 1024)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The callback carries no code.", record);
        }

        var exchange = await universal.ExchangeCodeAsync(callback.Code, challenge.Nonce, challenge.Username, cancellationToken).ConfigureAwait(false);
        if (!exchange.Succeeded)
        {
            return ChallengeCompleteResult.Failure(exchange.FailureReason, authenticator: record);
        }

        var token = exchange.IdToken;
        var context = token.AuthContext;
        if (IsPolicyBypass(context))
        {
            DuoFactorLog.PolicyBypass(logger, record.UserId, Options.AcceptDuoPolicyBypass);
            if (!Options.AcceptDuoPolicyBypass)
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.DuoPolicyBypass, authenticator: record);
            }
        }

        return ChallengeCompleteResult.Verified(record, new DuoVerificationDetails(DuoChallengeMode.UniversalPrompt, challenge.Username)
        {
            PolicyBypassed = IsPolicyBypass(context),
            Factor = context.Factor,
            TransactionId = context.TransactionId,
            AuthDevice = context.AuthDevice,
            AccessDevice = context.AccessDevice,
            StatusMessage = token.AuthResult.StatusMessage,
        });
    }

    /// <summary>Duo let the user through without a second factor (a bypass user, an "allow" new-user policy).</summary>
    private static bool IsPolicyBypass(DuoAuthContext context) =>
        context.Factor == "not_available" || context.Reason is "bypass_user" or "allow_unenrolled_user" or "allowed_by_policy";

    private static bool IsDuoState(string value) =>
        value.Length is >= DuoStateGenerator.MinLength and <= DuoStateGenerator.MaxLength
        && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private ChallengeBeginResult FailOpen(DuoChallengeMode mode, AuthenticatorRecord record, string username, DuoFailureKind failure) =>
        ChallengeBeginResult.Begun(
            new DuoChallengePrompt(mode, null, duoBypassed: true, Options.AllowedAuthOptions),
            Serialize(new DuoChallengeState(mode, record.Id, username, null, null, null, DuoChallengeStep.FailOpen, failure)));
}
