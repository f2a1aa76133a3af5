using System.Security.Cryptography;
using Mfa.Core.Diagnostics;
using Mfa.Core.Recovery;

namespace Mfa.Core.Service;

/// <summary>Recovery codes: generated from a CSPRNG, shown once, stored as salted hashes, each redeemable once.</summary>
internal sealed partial class MfaService
{
    /// <summary>The <see cref="MfaVerificationResult.Kind"/> of a recovery-code redemption.</summary>
    internal const string RecoveryCodeKind = "recovery-code";

    public Task<RecoveryCodesResult> GenerateRecoveryCodesAsync(MfaUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return GuardedAsync(user.Id, () => GenerateRecoveryCodesCoreAsync(user, cancellationToken), RecoveryCodesResult.Failure);
    }

    private async Task<RecoveryCodesResult> GenerateRecoveryCodesCoreAsync(MfaUser user, CancellationToken cancellationToken)
    {
        // Replacing the codes of a user who has a factor (or codes) to protect is a factor change; a user's first set is not.
        var records = await _authenticators.ListByUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if ((records.Any(IsUsable) || await _recoveryCodes.CountRemainingAsync(user.Id, cancellationToken).ConfigureAwait(false) > 0)
            && !HasRecentProof(user, "recovery-codes"))
        {
            return RecoveryCodesResult.Failure(MfaFailureReason.ReauthenticationRequired);
        }

        var salt = RandomNumberGenerator.GetBytes(RecoveryCodeHasher.SaltSize);
        var codes = new List<string>(Options.RecoveryCodeCount);
        var hashes = new List<ReadOnlyMemory<byte>>(Options.RecoveryCodeCount);
        while (codes.Count < Options.RecoveryCodeCount)
        {
            var code = RecoveryCodeHasher.NewCode(Options.RecoveryCodeLength);
            if (codes.Contains(code, StringComparer.Ordinal))
            {
                continue;
            }

            codes.Add(code);
            hashes.Add(RecoveryCodeHasher.Hash(code, salt, Options.RecoveryCodeHashIterations));
        }

        var now = _time.GetUtcNow();
        await _recoveryCodes.ReplaceAsync(user.Id, salt, hashes, now, cancellationToken).ConfigureAwait(false);
        MfaLog.RecoveryCodesGenerated(_logger, user.Id, codes.Count);
        return RecoveryCodesResult.Success([.. codes.Select(RecoveryCodeHasher.Format)], now);
    }

    public Task<MfaVerificationResult> RedeemRecoveryCodeAsync(MfaUser user, string code, MfaPurpose purpose, CancellationToken cancellationToken = default) =>
        GuardedAsync(user?.Id, () => RedeemRecoveryCodeCoreAsync(user!, code, purpose, cancellationToken), reason => MfaVerificationResult.Failure(user!.Id, RecoveryCodeKind, purpose, reason));

    private async Task<MfaVerificationResult> RedeemRecoveryCodeCoreAsync(MfaUser user, string code, MfaPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var lockout = await _lockout.TryAdmitAttemptAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (lockout.IsLockedOut)
        {
            return LockedOut(user.Id, RecoveryCodeKind, lockout, retry => MfaVerificationResult.Failure(user.Id, RecoveryCodeKind, purpose, MfaFailureReason.LockedOut, retryAfter: retry));
        }

        var normalized = RecoveryCodeHasher.Normalize(code, Options.RecoveryCodeLength);
        var salt = normalized is null ? null : await _recoveryCodes.GetSaltAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var redeemed = normalized is not null && salt is { } s
            && await _recoveryCodes.TryRedeemAsync(user.Id, RecoveryCodeHasher.Hash(normalized, s.Span, Options.RecoveryCodeHashIterations), cancellationToken).ConfigureAwait(false);
        if (!redeemed)
        {
            var reason = normalized is null ? MfaFailureReason.MalformedInput : MfaFailureReason.InvalidRecoveryCode;
            MfaLog.RecoveryCodeRefused(_logger, user.Id, reason);
            MfaInstrumentation.Failed(RecoveryCodeKind, reason);
            return MfaVerificationResult.Failure(user.Id, RecoveryCodeKind, purpose, reason);
        }

        var remaining = await AfterDecisionAsync(
            user.Id,
            async () =>
            {
                await _lockout.RecordSuccessAsync(user.Id, authenticatorId: null, cancellationToken).ConfigureAwait(false);
                return await _recoveryCodes.CountRemainingAsync(user.Id, cancellationToken).ConfigureAwait(false);
            },
            fallback: -1).ConfigureAwait(false);
        MfaLog.RecoveryCodeRedeemed(_logger, user.Id, remaining);
        MfaInstrumentation.Succeeded(RecoveryCodeKind);
        return MfaVerificationResult.Success(user.Id, RecoveryCodeKind, purpose, RecoveryCodeKind, challengeId: null, _time.GetUtcNow(), details: null);
    }
}
