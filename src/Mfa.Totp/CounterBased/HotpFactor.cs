using System.Security.Cryptography;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Secrets;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.Totp.KeyUri;
using Mfa.Totp.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Totp.CounterBased;

/// <summary>
/// The HOTP factor (RFC 4226). Enrollment: a CSPRNG secret at counter 0 (or a policy-checked <c>otpauth://hotp</c> import),
/// completed by a valid first code whose counter the service records as used; hardware tokens are imported with their
/// secret and counter (<see cref="HotpImport"/>). Challenge: the code must match a counter from the next expected one to
/// <see cref="HotpOptions.LookAhead"/> past it (<see cref="HotpVerifier"/>); a resynchronisation challenge takes two consecutive
/// codes in <see cref="HotpOptions.ResynchronizationWindow"/>. The result names the matched counter and the service advances
/// the authenticator's replay guard to it atomically and monotonically: the guard holds the counter. Pure: no store is
/// touched here (the service hands over each candidate's last accepted counter, <see cref="ICounterFactor"/>).
/// </summary>
internal sealed class HotpFactor(IOptions<HotpOptions> options, ISecretProtector protector, ILogger<HotpFactor> logger) : ICounterFactor, IImportingFactor, IReprotectingFactor
{
    private const string DefaultName = "Security token";

    private readonly SeedProtection _seeds = new(protector, logger, FactorKinds.Hotp);

    private HotpOptions Options => options.Value;

    public string Kind => FactorKinds.Hotp;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(request is HotpEnrollmentRequest hotp
            ? BeginEnrollment(context, hotp)
            : EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected an HOTP enrollment request."));
    }

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (response is not HotpEnrollmentResponse hotp)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected an HOTP enrollment response."));
        }

        if (!FactorJson.TryRead(state.Span, HotpJsonContext.Default.HotpEnrollmentState, out var enrollment)
            || !TryParameters(enrollment.Algorithm, enrollment.Digits, enrollment.Counter, out var algorithm))
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "The enrollment state is unreadable."));
        }

        var match = Verify(context.User.Id, enrollment.AuthenticatorId, enrollment.ProtectedSecret, secret =>
            HotpVerifier.Verify(secret, hotp.Code, enrollment.Counter, Options.LookAhead, algorithm, enrollment.Digits));
        if (!match.Succeeded)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(match.Failure));
        }

        var record = NewRecord(context, enrollment.AuthenticatorId, enrollment.Name, new HotpAuthenticatorData(enrollment.ProtectedSecret, enrollment.Algorithm, enrollment.Digits, enrollment.Counter));

        // The first code's counter counts as used: it can never sign in once the record exists.
        return ValueTask.FromResult(EnrollmentCompleteResult.Enrolled(record, initialReplayStep: match.Counter));
    }

    public ValueTask<EnrollmentCompleteResult> ImportAsync(EnrollmentContext context, AuthenticatorImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(import);
        if (import is not HotpImport hotp)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected an HOTP import."));
        }

        if (!Enum.IsDefined(hotp.Algorithm) || hotp.Digits is < Hotp.MinDigits or > Hotp.MaxDigits || hotp.Counter is < 0 or > HotpVerifier.MaxCounter || hotp.Secret.Length is 0 or > TotpSecret.MaxBytes)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "The algorithm, digits, counter or secret size is out of range."));
        }

        if (PolicyViolation(hotp.Secret.Length, hotp.Algorithm, hotp.Digits) is { } violation)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.PolicyViolation, violation));
        }

        var authenticatorId = AuthenticatorRecord.NewId();
        var data = new HotpAuthenticatorData(_seeds.Protect(hotp.Secret.Span, SecretPurpose(context.User.Id, authenticatorId)), TotpAlgorithmNames.ToName(hotp.Algorithm), hotp.Digits, hotp.Counter);

        // No code was used: the token's counter itself is the first one expected, so no replay-guard step is recorded.
        return ValueTask.FromResult(EnrollmentCompleteResult.Enrolled(NewRecord(context, authenticatorId, context.Name ?? DefaultName, data)));
    }

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var state = new HotpChallengeState(Resynchronization: request is HotpResynchronizationRequest);
        return ValueTask.FromResult(ChallengeBeginResult.Begun(ChallengePrompt.None, JsonSerializer.SerializeToUtf8Bytes(state, HotpJsonContext.Default.HotpChallengeState)));
    }

    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (!FactorJson.TryRead(state.Span, HotpJsonContext.Default.HotpChallengeState, out var challenge))
        {
            return ValueTask.FromResult(ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The challenge state is unreadable."));
        }

        return ValueTask.FromResult((challenge.Resynchronization, response) switch
        {
            (false, HotpChallengeResponse code) => CompleteChallenge(context, code.Code, resynchronization: null),
            (true, HotpResynchronizationResponse pair) => CompleteChallenge(context, pair.FirstCode, pair.SecondCode),
            (false, HotpResynchronizationResponse) => ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "This challenge takes one code; begin a resynchronisation with an HotpResynchronizationRequest."),
            (true, _) => ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected an HOTP resynchronisation response (two consecutive codes)."),
            _ => ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected an HOTP challenge response."),
        });
    }

    private EnrollmentBeginResult BeginEnrollment(EnrollmentContext context, HotpEnrollmentRequest hotp)
    {
        byte[] secret;
        TotpAlgorithm algorithm;
        int digits;
        long counter;
        var account = hotp.AccountName ?? context.User.DisplayName;
        if (hotp.ImportUri is { } importUri)
        {
            if (!OtpAuthUri.TryParse(importUri, out var parsed, out var error) || parsed.Type != "hotp")
            {
                return EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, error ?? "Only hotp URIs can be imported.");
            }

            secret = parsed.GetSecret();
            (algorithm, digits, counter) = (parsed.Parameters.Algorithm, parsed.Parameters.Digits, parsed.Counter ?? 0);
            var violation = counter > HotpVerifier.MaxCounter ? "The counter is out of range." : PolicyViolation(secret.Length, algorithm, digits);
            if (violation is not null)
            {
                CryptographicOperations.ZeroMemory(secret);
                return EnrollmentBeginResult.Failure(MfaFailureReason.PolicyViolation, violation);
            }

            account = hotp.AccountName ?? parsed.AccountName;
        }
        else
        {
            secret = TotpSecret.Generate(Options.SecretBytes);
            (algorithm, digits, counter) = (Options.Algorithm, Options.Digits, 0);
        }

        account = account.Replace(':', ' ');
        try
        {
            var authenticatorId = AuthenticatorRecord.NewId();
            var state = new HotpEnrollmentState(
                authenticatorId,
                context.Name ?? DefaultName,
                _seeds.Protect(secret, SecretPurpose(context.User.Id, authenticatorId)),
                TotpAlgorithmNames.ToName(algorithm),
                digits,
                counter);
            var uri = OtpAuthUri.ForHotp(secret, Options.Issuer, account, algorithm, digits, counter).ToUriString();
            var stateBytes = JsonSerializer.SerializeToUtf8Bytes(state, HotpJsonContext.Default.HotpEnrollmentState);
            return EnrollmentBeginResult.Begun(new HotpEnrollmentPrompt(Base32.Encode(secret), uri, algorithm, digits, counter), stateBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Checks one code (or, resynchronising, two consecutive codes) against each candidate token in turn.</summary>
    private ChallengeCompleteResult CompleteChallenge(ChallengeContext context, string code, string? resynchronization)
    {
        var authenticators = context.Authenticators;
        var failure = MfaFailureReason.InvalidCode;
        foreach (var record in authenticators)
        {
            if (!FactorJson.TryRead(record.Data, HotpJsonContext.Default.HotpAuthenticatorData, out var data)
                || !TryParameters(data.Algorithm, data.Digits, data.Counter, out var algorithm))
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The stored authenticator cannot be read.", record);
            }

            // RFC 4226 §7.2: the window starts at the next expected counter, one past the last accepted one the replay guard holds.
            long? last = context.LastReplaySteps.TryGetValue(record.Id, out var step) ? step : null;
            var expected = last is { } l ? Math.Max(data.Counter, l + 1) : data.Counter;
            if (expected > HotpVerifier.MaxCounter)
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The token's counter is exhausted.", record);
            }

            var match = Verify(context.User.Id, record.Id, data.ProtectedSecret, secret => resynchronization is null
                ? Replay(HotpVerifier.Verify(secret, code, expected, Options.LookAhead, algorithm, data.Digits), secret, code, last, algorithm, data.Digits)
                : HotpVerifier.VerifyConsecutive(secret, code, resynchronization, expected, Options.ResynchronizationWindow, algorithm, data.Digits));
            if (match.Failure is MfaFailureReason.SecretUnavailable or MfaFailureReason.Replayed)
            {
                return ChallengeCompleteResult.Failure(match.Failure, authenticator: record);
            }

            if (match.Failure == MfaFailureReason.MalformedInput && authenticators.Count == 1)
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, $"A code is {data.Digits} digits.", record);
            }

            if (match.Succeeded)
            {
                if (resynchronization is not null)
                {
                    HotpFactorLog.Resynchronized(logger, record.Id, context.User.Id, match.Skipped, context.ChallengeId);
                }

                // The service advances this token's replay guard to the matched counter, atomically and only forward: of
                // racing submissions of one code exactly one passes, and the token's next code is for the counter after.
                return ChallengeCompleteResult.Verified(record, new HotpVerificationDetails(match.Counter, match.Skipped, resynchronization is not null), updatedData: null, replaySteps: [match.Counter]);
            }

            failure = match.Failure == MfaFailureReason.MalformedInput ? failure : match.Failure;
        }

        if (resynchronization is not null)
        {
            HotpFactorLog.ResynchronizationRefused(logger, context.User.Id, failure, context.ChallengeId);
        }

        // A wrong code checked against several tokens cannot be blamed on one: each counts it toward its hard lock.
        var tried = authenticators.Count == 1 ? authenticators[0] : null;
        return ChallengeCompleteResult.Failure(failure, authenticator: tried, attempted: tried is null ? authenticators : null);
    }

    /// <summary>A code refused in the window that is the last accepted counter's code is a replay (RFC 4226 §7.2), not a wrong code.</summary>
    private static HotpVerification Replay(HotpVerification match, ReadOnlySpan<byte> secret, string code, long? last, TotpAlgorithm algorithm, int digits)
    {
        if (match.Failure != MfaFailureReason.InvalidCode || last is not { } counter || counter < 0 || counter > HotpVerifier.MaxCounter)
        {
            return match;
        }

        return HotpVerifier.Verify(secret, code, counter, 0, algorithm, digits).Succeeded ? match with { Failure = MfaFailureReason.Replayed } : match;
    }

    private AuthenticatorRecord NewRecord(EnrollmentContext context, string authenticatorId, string name, HotpAuthenticatorData data) => new()
    {
        Id = authenticatorId,
        UserId = context.User.Id,
        Kind = Kind,
        Name = name,
        Data = JsonSerializer.Serialize(data, HotpJsonContext.Default.HotpAuthenticatorData),
        CreatedAt = context.Now,
    };

    public SecretReprotection Reprotect(AuthenticatorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!FactorJson.TryRead(record.Data, HotpJsonContext.Default.HotpAuthenticatorData, out var data))
        {
            return SecretReprotection.Unreadable(keyId: null);
        }

        return _seeds.Reprotect(record, data.ProtectedSecret, SecretPurpose(record.UserId, record.Id), moved =>
            JsonSerializer.Serialize(data with { ProtectedSecret = moved }, HotpJsonContext.Default.HotpAuthenticatorData));
    }

    private static string SecretPurpose(string userId, string authenticatorId) => $"Mfa.Totp.HotpSeed:{userId}:{authenticatorId}";

    private static bool TryParameters(string algorithmName, int digits, long counter, out TotpAlgorithm algorithm) =>
        TotpAlgorithmNames.TryParse(algorithmName, out algorithm) && digits is >= Hotp.MinDigits and <= Hotp.MaxDigits && counter is >= 0 and <= HotpVerifier.MaxCounter;

    /// <summary>Opens the secret, runs a check with it and wipes it; a secret no configured key opens is a typed outcome.</summary>
    private HotpVerification Verify(string userId, string authenticatorId, byte[] protectedSecret, VerifyWithSecret check)
    {
        if (_seeds.TryUnprotect(protectedSecret, SecretPurpose(userId, authenticatorId), userId, authenticatorId) is not { } secret)
        {
            return new HotpVerification(MfaFailureReason.SecretUnavailable, 0, 0);
        }

        try
        {
            return check(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private string? PolicyViolation(int secretBytes, TotpAlgorithm algorithm, int digits)
    {
        if (secretBytes < Options.MinImportedSecretBytes)
        {
            return $"Imported secrets must have at least {Options.MinImportedSecretBytes * 8} bits.";
        }

        if (!Options.AllowedAlgorithms.Contains(algorithm))
        {
            return "The algorithm is not allowed.";
        }

        return Options.AllowedDigits.Contains(digits) ? null : "The number of digits is not allowed.";
    }

    private delegate HotpVerification VerifyWithSecret(ReadOnlySpan<byte> secret);
}
