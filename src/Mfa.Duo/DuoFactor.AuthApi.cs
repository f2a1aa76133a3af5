using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Duo.AuthApi;
using Mfa.Duo.Factor;
using Mfa.Duo.Failmode;
using Mfa.Duo.Http;

namespace Mfa.Duo;

/// <summary>The Auth API flow: preauth (failmode), an asynchronous push or phone call polled with auth_status, or a passcode.</summary>
internal sealed partial class DuoFactor
{
    private async Task<ChallengeBeginResult> BeginAuthApiAsync(AuthenticatorRecord record, string username, DuoChallengeRequest request, CancellationToken cancellationToken)
    {
        if (!HasAuthApi)
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.NotSupported, "The Duo Auth API is not configured (IntegrationKey, SecretKey).");
        }

        // Only what the administrator allowed is offered and accepted; refused before Duo is called.
        if (!Options.AllowedAuthOptions.HasFlag(ToOption(request.Mode)))
        {
            return ChallengeBeginResult.Failure(MfaFailureReason.FactorNotAllowed, $"The administrator does not allow Duo {request.Mode}.");
        }

        var preauth = await authApi.PreauthAsync(username, request.IpAddress, cancellationToken).ConfigureAwait(false);
        var decision = failmode.Evaluate(preauth.Failure, username);
        switch (decision.Outcome)
        {
            case DuoFailmodeOutcome.Deny:
                return ChallengeBeginResult.Failure(decision.FailureReason);
            case DuoFailmodeOutcome.AllowWithoutDuo:
                return FailOpen(request.Mode, record, username, decision.Failure);
        }

        switch (preauth.Value!.Outcome)
        {
            case DuoPreauthOutcome.Deny:
                return ChallengeBeginResult.Failure(MfaFailureReason.Denied, preauth.Value.StatusMessage);
            case DuoPreauthOutcome.Enroll:
                return ChallengeBeginResult.Failure(MfaFailureReason.NotEnrolled, "The user has no Duo device yet; enroll at Duo first.");
            case DuoPreauthOutcome.Allow:
                // Duo waived the factor by policy. No second factor happens, so by default none is claimed (spec §3.3 would
                // accept and record it; AcceptDuoPolicyBypass opts into that, marked in the details).
                DuoFactorLog.PolicyBypass(logger, record.UserId, Options.AcceptDuoPolicyBypass);
                return Options.AcceptDuoPolicyBypass
                    ? ChallengeBeginResult.Begun(
                        new DuoChallengePrompt(request.Mode, null, duoBypassed: false, Options.AllowedAuthOptions),
                        Serialize(new DuoChallengeState(request.Mode, record.Id, username, null, null, null, DuoChallengeStep.PolicyBypass, DuoFailureKind.None)))
                    : ChallengeBeginResult.Failure(MfaFailureReason.DuoPolicyBypass);
        }

        var prompt = new DuoChallengePrompt(request.Mode, null, duoBypassed: false, Options.AllowedAuthOptions) { PollInterval = request.Mode == DuoChallengeMode.Passcode ? null : PollInterval };
        if (request.Mode == DuoChallengeMode.Passcode)
        {
            return ChallengeBeginResult.Begun(prompt, Serialize(new DuoChallengeState(DuoChallengeMode.Passcode, record.Id, username, null, null, null, DuoChallengeStep.Duo, DuoFailureKind.None)));
        }

        // The push or call goes out now (never retried: a retry would push twice); the page polls auth_status.
        var auth = await authApi.AuthAsync(
            new DuoAuthRequest
            {
                Username = username,
                Factor = request.Mode == DuoChallengeMode.Push ? DuoAuthFactor.Push : DuoAuthFactor.Phone,
                Device = request.Device ?? "auto",
                IpAddress = request.IpAddress,
                Async = true,
            },
            cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            return ChallengeBeginResult.Failure(auth.FailureReason);
        }

        if (auth.Value.TransactionId is not { } txid)
        {
            return ChallengeBeginResult.Failure(auth.Value.Outcome == DuoAuthOutcome.Deny ? MfaFailureReason.Denied : MfaFailureReason.RemoteFailure);
        }

        return ChallengeBeginResult.Begun(prompt, Serialize(new DuoChallengeState(request.Mode, record.Id, username, null, null, txid, DuoChallengeStep.Duo, DuoFailureKind.None)));
    }

    /// <summary>One <c>auth_status</c> call: waiting → pending; allow → verified; deny → the reason Duo gave.</summary>
    private async Task<ChallengeCompleteResult> PollAsync(AuthenticatorRecord record, DuoChallengeState challenge, CancellationToken cancellationToken)
    {
        if (challenge.TransactionId is not { } txid)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The challenge state is unreadable.", record);
        }

        // The push went out already: an outage now is final (closed); the failmode only decides before Duo is involved.
        var status = await authApi.AuthStatusAsync(txid, cancellationToken).ConfigureAwait(false);
        if (!status.Succeeded)
        {
            return ChallengeCompleteResult.Failure(status.FailureReason, authenticator: record);
        }

        return status.Value.Outcome == DuoAuthOutcome.Waiting
            ? ChallengeCompleteResult.Pending(PollInterval)
            : Verdict(record, challenge, status.Value, txid);
    }

    private async Task<ChallengeCompleteResult> CompletePasscodeAsync(AuthenticatorRecord record, DuoChallengeState challenge, DuoPasscodeResponse response, CancellationToken cancellationToken)
    {
        var passcode = response.Passcode;
        if (passcode.Length is 0 or > MaxPasscodeLength || !passcode.All(char.IsAsciiLetterOrDigit))
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "A passcode is letters and digits.", record);
        }

        var auth = await authApi.AuthAsync(new DuoAuthRequest { Username = challenge.Username, Factor = DuoAuthFactor.Passcode, Passcode = passcode }, cancellationToken).ConfigureAwait(false);
        return auth.Succeeded
            ? Verdict(record, challenge, auth.Value, auth.Value.TransactionId)
            : ChallengeCompleteResult.Failure(auth.FailureReason, authenticator: record);
    }

    private ChallengeCompleteResult Verdict(AuthenticatorRecord record, DuoChallengeState challenge, DuoAuthResponse verdict, string? txid)
    {
        if (verdict.Outcome == DuoAuthOutcome.Allow)
        {
            var bypass = verdict.Status == "bypass";
            if (bypass)
            {
                DuoFactorLog.PolicyBypass(logger, record.UserId, Options.AcceptDuoPolicyBypass);
                if (!Options.AcceptDuoPolicyBypass)
                {
                    return ChallengeCompleteResult.Failure(MfaFailureReason.DuoPolicyBypass, authenticator: record);
                }
            }

            return ChallengeCompleteResult.Verified(record, new DuoVerificationDetails(challenge.Mode, challenge.Username)
            {
                PolicyBypassed = bypass,
                Factor = FactorName(challenge.Mode),
                TransactionId = txid,
                StatusMessage = verdict.StatusMessage,
            });
        }

        var reason = verdict.Status switch
        {
            "timeout" => MfaFailureReason.Expired,
            "fraud" => MfaFailureReason.FraudReported,
            "deny" when challenge.Mode == DuoChallengeMode.Passcode => MfaFailureReason.InvalidCode,
            _ => MfaFailureReason.Denied,
        };
        return ChallengeCompleteResult.Failure(reason, verdict.StatusMessage, record);
    }

    private static DuoAuthOptions ToOption(DuoChallengeMode mode) => mode switch
    {
        DuoChallengeMode.Push => DuoAuthOptions.Push,
        DuoChallengeMode.Phone => DuoAuthOptions.Phone,
        _ => DuoAuthOptions.Passcode,
    };

    private static string FactorName(DuoChallengeMode mode) => mode switch
    {
        DuoChallengeMode.Push => "push",
        DuoChallengeMode.Phone => "phone",
        _ => "passcode",
    };
}
