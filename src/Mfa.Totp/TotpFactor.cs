using System.Security.Cryptography;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Secrets;
using Mfa.Core.Storage;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Mfa.Totp.Enrollment;
using Mfa.Totp.KeyUri;
using Mfa.Totp.Verification;
using Microsoft.Extensions.Options;

namespace Mfa.Totp;

/// <summary>
/// The TOTP factor. Enrollment: a CSPRNG secret (or a policy-checked import), shown once as Base32, URI and QR; completed
/// by a valid first code whose step then counts as used. Challenge: the code must match a step in the window
/// (<see cref="TotpVerifier"/>) and that step must advance the authenticator's replay guard atomically (RFC 6238 §5.2).
/// </summary>
internal sealed class TotpFactor(
    IOptions<TotpOptions> options,
    ISecretProtector protector,
    IReplayGuardStore replayGuard,
    TimeProvider time) : IFactor
{
    private TotpOptions Options => options.Value;

    public string Kind => FactorKinds.Totp;

    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(MfaUser user, EnrollmentRequest request, IReadOnlyList<AuthenticatorRecord> existing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (request is not TotpEnrollmentRequest totp)
        {
            return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected a TOTP enrollment request."));
        }

        byte[] secret;
        TotpParameters parameters;
        var account = totp.AccountName ?? user.DisplayName;
        if (totp.ImportUri is { } importUri)
        {
            if (!OtpAuthUri.TryParse(importUri, out var parsed, out var error) || parsed.Type != "totp")
            {
                return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, error ?? "Only totp URIs can be imported."));
            }

            secret = parsed.GetSecret();
            parameters = parsed.Parameters;
            if (PolicyViolation(secret.Length, parameters) is { } violation)
            {
                CryptographicOperations.ZeroMemory(secret);
                return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.PolicyViolation, violation));
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
                string.IsNullOrWhiteSpace(totp.Name) ? "Authenticator app" : totp.Name.Trim(),
                protector.Protect(secret, SecretPurpose(user.Id, authenticatorId)),
                TotpAlgorithmNames.ToName(parameters.Algorithm),
                parameters.Digits,
                parameters.PeriodSeconds,
                parameters.T0);
            var uri = new OtpAuthUri(secret, Options.Issuer, account, parameters).ToUriString();
            var stateBytes = JsonSerializer.SerializeToUtf8Bytes(state, TotpJsonContext.Default.TotpEnrollmentState);
            return ValueTask.FromResult<EnrollmentBeginResult>(new TotpEnrollmentBegun(stateBytes, Base32.Encode(secret), uri, parameters));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(MfaUser user, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (response is not TotpEnrollmentResponse totp)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a TOTP enrollment response."));
        }

        // The state was written by this factor and kept server-side; failing to read it is a fault, not bad input.
        var enrollment = JsonSerializer.Deserialize(state.Span, TotpJsonContext.Default.TotpEnrollmentState)
            ?? throw new InvalidOperationException("TOTP enrollment state is empty.");
        var parameters = ParametersOf(enrollment.Algorithm, enrollment.Digits, enrollment.PeriodSeconds, enrollment.T0);
        var match = VerifyCode(user.Id, enrollment.AuthenticatorId, enrollment.ProtectedSecret, parameters, totp.Code);
        if (!match.Succeeded)
        {
            return ValueTask.FromResult(EnrollmentCompleteResult.Failure(match.Failure));
        }

        var data = new TotpAuthenticatorData(enrollment.ProtectedSecret, enrollment.Algorithm, enrollment.Digits, enrollment.PeriodSeconds, enrollment.T0);
        var record = new AuthenticatorRecord
        {
            Id = enrollment.AuthenticatorId,
            UserId = user.Id,
            Kind = Kind,
            Name = enrollment.Name,
            Data = JsonSerializer.Serialize(data, TotpJsonContext.Default.TotpAuthenticatorData),
            CreatedAt = time.GetUtcNow(),
        };

        // The first code's step counts as used: it cannot be replayed to sign in once the record exists.
        return ValueTask.FromResult(new EnrollmentCompleteResult(record)
        {
            OnStored = async (stored, ct) => await replayGuard.TryAdvanceStepAsync(stored.Id, match.TimeStep, ct).ConfigureAwait(false),
        });
    }

    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ChallengeRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ChallengeBeginResult(ReadOnlyMemory<byte>.Empty));

    public async ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(authenticators);
        if (response is not TotpChallengeResponse totp)
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a TOTP challenge response.");
        }

        var failure = MfaFailureReason.InvalidCode;
        AuthenticatorRecord? tried = authenticators.Count == 1 ? authenticators[0] : null;
        foreach (var record in authenticators)
        {
            var data = JsonSerializer.Deserialize(record.Data, TotpJsonContext.Default.TotpAuthenticatorData)
                ?? throw new InvalidOperationException("TOTP authenticator data is empty.");
            var parameters = ParametersOf(data.Algorithm, data.Digits, data.PeriodSeconds, data.T0);
            var match = VerifyCode(user.Id, record.Id, data.ProtectedSecret, parameters, totp.Code);
            if (match.Failure == MfaFailureReason.MalformedInput && authenticators.Count == 1)
            {
                return ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, $"A code is {parameters.Digits} digits.", record);
            }

            if (!match.Succeeded)
            {
                continue;
            }

            // RFC 6238 §5.2: a verifier MUST NOT accept the second attempt of the same OTP. The store advances the last
            // accepted step atomically, so of racing requests with one code exactly one passes.
            if (!await replayGuard.TryAdvanceStepAsync(record.Id, match.TimeStep, cancellationToken).ConfigureAwait(false))
            {
                failure = MfaFailureReason.Replayed;
                tried = record;
                continue;
            }

            return new TotpChallengeCompleted(record, match.TimeStep, match.Drift);
        }

        // A wrong code checked against several apps cannot be blamed on one: each counts it toward its hard lock.
        return ChallengeCompleteResult.Failure(failure, authenticator: tried, attempted: tried is null ? authenticators : null);
    }

    private static string SecretPurpose(string userId, string authenticatorId) => $"Mfa.Totp.Seed:{userId}:{authenticatorId}";

    private static TotpParameters ParametersOf(string algorithm, int digits, int period, long t0) =>
        TotpAlgorithmNames.TryParse(algorithm, out var parsed)
            ? new TotpParameters(parsed, digits, period, t0)
            : throw new InvalidOperationException("Stored TOTP algorithm is unknown.");

    private TotpVerification VerifyCode(string userId, string authenticatorId, byte[] protectedSecret, TotpParameters parameters, string code)
    {
        var secret = protector.Unprotect(protectedSecret, SecretPurpose(userId, authenticatorId));
        try
        {
            return TotpVerifier.Verify(secret, code, time.GetUtcNow(), parameters, Options.AllowedDriftSteps);
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
