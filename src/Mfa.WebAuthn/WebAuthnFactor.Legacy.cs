using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;

namespace Mfa.WebAuthn;

/// <summary>Legacy FIDO U2F keys: import only; they sign in through the <c>appid</c> extension (WebAuthn L3 §10.1.1).</summary>
internal sealed partial class WebAuthnFactor
{
    private const string DefaultLegacyName = "Security key (U2F)";

    /// <summary>
    /// Builds the record of a key registered with the legacy FIDO U2F API (<see cref="LegacyU2fKey"/>), of kind
    /// <see cref="WebAuthnAuthenticatorKind.LegacyU2f"/>. Its key handle becomes the credential id; sign-in challenges that
    /// include it send the <c>appid</c> extension. New legacy keys cannot be enrolled.
    /// </summary>
    /// <param name="context">The owner, the validated name and the time.</param>
    /// <param name="import">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or a failure (malformed or unsupported key, a key handle the user already has).</returns>
    public ValueTask<EnrollmentCompleteResult> ImportAsync(EnrollmentContext context, AuthenticatorImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(import);
        return ValueTask.FromResult(Import(context, import));
    }

    private EnrollmentCompleteResult Import(EnrollmentContext context, AuthenticatorImport import)
    {
        if (import is not LegacyU2fKey key)
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a legacy U2F key.");
        }

        if (key.KeyHandle.Length is 0 or > Ceremonies.RegistrationProcedure.MaxCredentialIdLength)
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "A key handle has 1 to 1023 bytes.");
        }

        if (!LegacyU2fKeys.IsValidAppId(key.AppId))
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "An AppID is an absolute https URL.");
        }

        if (!LegacyU2fKeys.TryDecodePublicKey(key.PublicKey, out var publicKey, out var failure) || publicKey is null)
        {
            return EnrollmentCompleteResult.Failure(failure, "The public key is not a P-256 point or an ES256 COSE key.");
        }

        var credentialId = Encode(key.KeyHandle.Span);
        if (context.Existing.Any(r => string.Equals(r.CredentialId, credentialId, StringComparison.Ordinal)))
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.AlreadyEnrolled, "This key handle is already registered.");
        }

        var data = new WebAuthnCredentialData
        {
            Kind = CredentialKinds.LegacyU2f,
            PublicKey = Encode(publicKey.Encoded.Span),
            Alg = (int)publicKey.Algorithm,
            SignCount = key.SignCount,
            Fmt = "fido-u2f",
            AppId = key.AppId,
        };
        var record = NewRecord(AuthenticatorRecord.NewId(), context.User.Id, context.Name ?? DefaultLegacyName, credentialId, data, context.Now);
        WebAuthnLog.LegacyKeyImported(_logger, record.Id, context.User.Id);
        return EnrollmentCompleteResult.Enrolled(record);
    }
}
