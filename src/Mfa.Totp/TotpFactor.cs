using System.Security.Cryptography;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Secrets;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.Totp.Enrollment;
using Mfa.Totp.KeyUri;
using Mfa.Totp.Secrets;
using Mfa.Totp.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Totp;

/// <summary>
/// The TOTP factor. Enrollment: a CSPRNG secret (or a policy-checked import), shown once as Base32, URI and QR; completed
/// by a valid first code whose step the service records as used. Challenge: the code must match a step in the window
/// (<see cref="TotpVerifier"/>); the result names the matched steps and the service advances the authenticator's replay
/// guard atomically (RFC 6238 §5.2). Pure: no store is touched here.
/// </summary>
internal sealed class TotpFactor(IOptions<TotpOptions> options, ISecretProtector protector, ILogger<TotpFactor> logger) : IReprotectingFactor
{
    private const string DefaultName = "Authenticator app";

    private readonly SeedProtection _seeds = new(protector, logger, FactorKinds.Totp);

    private TotpOptions Options => options.Value;

    public string Kind => FactorKinds.Totp;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(request is TotpEnrollmentRequest totp
            ? BeginEnrollment(context, totp)
            : EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected a TOTP enrollment request."));
    }

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (response is not TotpEnrollmentResponse totp)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a TOTP enrollment response."));
        }

        if (!FactorJson.TryRead(state.Span, TotpJsonContext.Default.TotpEnrollmentState, out var enrollment) || !TryParameters(enrollment.Algorithm, enrollment.Digits, enrollment.PeriodSeconds, enrollment.T0, out var parameters))
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "The enrollment state is unreadable."));
        }

        var match = VerifyCode(context.User.Id, enrollment.AuthenticatorId, enrollment.ProtectedSecret, parameters, totp.Code, context.Now);
        if (!match.Succeeded)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(match.Failure));
        }

        var data = new TotpAuthenticatorData(enrollment.ProtectedSecret, enrollment.Algorithm, enrollment.Digits, enrollment.PeriodSeconds, enrollment.T0);
        var record = new AuthenticatorRecord
        {
            Id = enrollment.AuthenticatorId,
            UserId = context.User.Id,
            Kind = Kind,
            Name = enrollment.Name,
            Data = JsonSerializer.Serialize(data, TotpJsonContext.Default.TotpAuthenticatorData),
            CreatedAt = context.Now,
        };

        // The first code's latest matching step counts as used: no step it matched can sign in once the record exists.
        return ValueTask.FromResult(EnrollmentCompleteResult.Enrolled(record, initialReplayStep: match.MatchedSteps()[^1]));
    }

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ChallengeBeginResult.Begun(ChallengePrompt.None, ReadOnlyMemory<byte>.Empty));

    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        return ValueTask.FromResult(response is TotpChallengeResponse totp
            ? CompleteChallenge(context, totp)
            : ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a TOTP challenge response."));
    }

    private EnrollmentBeginResult BeginEnrollment(EnrollmentContext context, TotpEnrollmentRequest totp)
    {
        byte[] secret;
        TotpParameters parameters;
        var account = totp.AccountName ?? context.User.DisplayName;
        if (totp.ImportUri is { } importUri)
        {
            if (!OtpAuthUri.TryParse(importUri, out var parsed, out var error) || parsed.Type != "totp")
            {
                return EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, error ?? "Only totp URIs can be imported.");
            }

            secret = parsed.GetSecret();
            parameters = parsed.Parameters;
            if (PolicyViolation(secret.Length, parameters) is { } violation)
            {
                CryptographicOperations.ZeroMemory(secret);
                return EnrollmentBeginResult.Failure(MfaFailureReason.PolicyViolation, violation);
            }

            account = totp.AccountName ?? parsed.AccountName;
        }
        else
        {
            secret = TotpSecret.Generate(Options.SecretBytes);
            parameters = Options.NewSecretParameters;
        }

        if (account.Contains(':', StringComparison.Ordinal))
        {
            account = account.Replace(':', ' ');
        }

        try
        {
            var authenticatorId = AuthenticatorRecord.NewId();
            var state = new TotpEnrollmentState(
                authenticatorId,
                context.Name ?? DefaultName,
                _seeds.Protect(secret, SecretPurpose(context.User.Id, authenticatorId)),
                TotpAlgorithmNames.ToName(parameters.Algorithm),
                parameters.Digits,
                parameters.PeriodSeconds,
                parameters.T0);
            var uri = new OtpAuthUri(secret, Options.Issuer, account, parameters).ToUriString();
            var stateBytes = JsonSerializer.SerializeToUtf8Bytes(state, TotpJsonContext.Default.TotpEnrollmentState);
            return EnrollmentBeginResult.Begun(new TotpEnrollmentPrompt(Base32.Encode(secret), uri, parameters), stateBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private ChallengeCompleteResult CompleteChallenge(ChallengeContext context, TotpChallengeResponse totp)
    {
        var authenticators = context.Authenticators;
        var failure = MfaFailureReason.InvalidCode;
        foreach (var record in authenticators)
        {
            if (!FactorJson.TryRead(record.Data, TotpJsonContext.Default.TotpAuthenticatorData, out var data) || !TryParameters(data.Algorithm, data.Digits, data.PeriodSeconds, data.T0, out var parameters))
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The stored authenticator cannot be read.", record);
            }

            var match = VerifyCode(context.User.Id, record.Id, data.ProtectedSecret, parameters, totp.Code, context.Now);
            if (match.Failure == MfaFailureReason.SecretUnavailable)
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.SecretUnavailable, authenticator: record);
            }

            if (match.Failure == MfaFailureReason.MalformedInput && authenticators.Count == 1)
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, $"A code is {parameters.Digits} digits.", record);
            }

            if (match.Succeeded)
            {
                // The service advances this authenticator's replay guard to the earliest of these steps later than the
                // last accepted one (RFC 6238 §5.2), atomically; none later is a replay.
                return ChallengeCompleteResult.Verified(record, new TotpVerificationDetails(match.TimeStep, match.Drift), updatedData: null, replaySteps: match.MatchedSteps());
            }

            failure = match.Failure == MfaFailureReason.MalformedInput ? failure : match.Failure;
        }

        // A wrong code checked against several apps cannot be blamed on one: each counts it toward its hard lock.
        var tried = authenticators.Count == 1 ? authenticators[0] : null;
        return ChallengeCompleteResult.Failure(failure, authenticator: tried, attempted: tried is null ? authenticators : null);
    }

    public SecretReprotection Reprotect(AuthenticatorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!FactorJson.TryRead(record.Data, TotpJsonContext.Default.TotpAuthenticatorData, out var data))
        {
            return SecretReprotection.Unreadable(keyId: null);
        }

        return _seeds.Reprotect(record, data.ProtectedSecret, SecretPurpose(record.UserId, record.Id), moved =>
            JsonSerializer.Serialize(data with { ProtectedSecret = moved }, TotpJsonContext.Default.TotpAuthenticatorData));
    }

    private static string SecretPurpose(string userId, string authenticatorId) => $"Mfa.Totp.Seed:{userId}:{authenticatorId}";

    private static bool TryParameters(string algorithm, int digits, int period, long t0, out TotpParameters parameters)
    {
        parameters = default;
        if (!TotpAlgorithmNames.TryParse(algorithm, out var parsed) || digits is < Hotp.MinDigits or > Hotp.MaxDigits || period is < 1 or > 3600 || t0 < 0)
        {
            return false;
        }

        parameters = new TotpParameters(parsed, digits, period, t0);
        return true;
    }

    private TotpVerification VerifyCode(string userId, string authenticatorId, byte[] protectedSecret, TotpParameters parameters, string code, DateTimeOffset now)
    {
        // No configured key opens it (a rotated-away key, a corrupted record): a typed outcome and an event, never an exception.
        if (_seeds.TryUnprotect(protectedSecret, SecretPurpose(userId, authenticatorId), userId, authenticatorId) is not { } secret)
        {
            return new TotpVerification(MfaFailureReason.SecretUnavailable, 0, 0);
        }

        try
        {
            return TotpVerifier.Verify(secret, code, now, parameters, Options.AllowedDriftSteps);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private string? PolicyViolation(int secretBytes, TotpParameters parameters)
    {
        if (secretBytes < Options.MinImportedSecretBytes)
        {
            return $"Imported secrets must have at least {Options.MinImportedSecretBytes * 8} bits.";
        }

        if (!Options.AllowedAlgorithms.Contains(parameters.Algorithm))
        {
            return "The algorithm is not allowed.";
        }

        if (!Options.AllowedDigits.Contains(parameters.Digits))
        {
            return "The number of digits is not allowed.";
        }

        return Options.AllowedPeriods.Contains(parameters.PeriodSeconds) ? null : "The period is not allowed.";
    }
}
