using Mfa.Core;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;

namespace Mfa.WebAuthn;

/// <summary>Legacy FIDO U2F keys: import only; they sign in through the <c>appid</c> extension (WebAuthn L3 §10.1.1).</summary>
public sealed partial class WebAuthnFactor
{
    /// <summary>
    /// Imports a key registered with the legacy FIDO U2F API as a WebAuthn authenticator record of kind
    /// <see cref="WebAuthnAuthenticatorKind.LegacyU2f"/>. Its key handle becomes the credential id; sign-in challenges that
    /// include it send the <c>appid</c> extension so the browser can use it.
    /// </summary>
    /// <param name="user">The key's owner.</param>
    /// <param name="key">The key handle, public key and AppID from the U2F registration.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new record's id, or a failure (malformed key, unsupported key, or a key handle already registered).</returns>
    /// <remarks>Rename and remove imported keys through <see cref="Mfa.Core.Service.IMfaService"/>. New legacy keys cannot be enrolled.</remarks>
    public async Task<WebAuthnImportResult> ImportLegacyU2fKeyAsync(MfaUser user, LegacyU2fKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeyHandle.Length is 0 or > Ceremonies.RegistrationVerifier.MaxCredentialIdLength)
        {
            return WebAuthnImportResult.Failure(MfaFailureReason.MalformedInput, "A key handle has 1 to 1023 bytes.");
        }

        if (!LegacyU2fKeys.IsValidAppId(key.AppId))
        {
            return WebAuthnImportResult.Failure(MfaFailureReason.MalformedInput, "An AppID is an absolute https URL.");
        }

        if (!LegacyU2fKeys.TryDecodePublicKey(key.PublicKey, out var publicKey, out var failure) || publicKey is null)
        {
            return WebAuthnImportResult.Failure(failure, "The public key is not a P-256 point or an ES256 COSE key.");
        }

        var name = (key.Name ?? "Security key (U2F)").Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            return WebAuthnImportResult.Failure(MfaFailureReason.MalformedInput, $"A name has 1 to {MaxNameLength} characters and no control characters.");
        }

        var credentialId = Encode(key.KeyHandle.Span);
        if (await _authenticators.FindByCredentialIdAsync(Kind, credentialId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return WebAuthnImportResult.Failure(MfaFailureReason.AlreadyEnrolled, "This key handle is already registered.");
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
        var stored = await _authenticators.TryCreateAsync(NewRecord(user, name, credentialId, data), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return WebAuthnImportResult.Failure(MfaFailureReason.AlreadyEnrolled, "This key handle is already registered.");
        }

        WebAuthnLog.LegacyKeyImported(_logger, stored.Id, user.Id);
        return WebAuthnImportResult.Success(stored.Id);
    }
}
