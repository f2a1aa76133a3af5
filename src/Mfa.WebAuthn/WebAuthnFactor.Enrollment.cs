using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;

namespace Mfa.WebAuthn;

/// <summary>Registration (WebAuthn L3 §7.1).</summary>
public sealed partial class WebAuthnFactor
{
    private const int MaxNameLength = 64;
    private const int UserHandleLength = 32;

    /// <inheritdoc />
    /// <remarks>
    /// A security key gets <c>authenticatorAttachment: cross-platform</c>, hint <c>security-key</c>, the configured resident
    /// key and user verification; a device authenticator gets <c>platform</c>, hint <c>client-device</c>, a required
    /// discoverable credential and required user verification. <c>excludeCredentials</c> lists the user's credentials.
    /// The user handle is random, never derived from the user, and reused for all of the user's credentials.
    /// </remarks>
    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(MfaUser user, EnrollmentRequest request, IReadOnlyList<AuthenticatorRecord> existing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(existing);
        if (request is not WebAuthnEnrollmentRequest webAuthn)
        {
            throw new ArgumentException($"The WebAuthn factor takes a {nameof(WebAuthnEnrollmentRequest)}.", nameof(request));
        }

        if (webAuthn.AuthenticatorKind == WebAuthnAuthenticatorKind.LegacyU2f)
        {
            return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.NotSupported, "Legacy U2F keys cannot be enrolled; existing ones can be imported."));
        }

        if (webAuthn.AuthenticatorKind is not (WebAuthnAuthenticatorKind.SecurityKey or WebAuthnAuthenticatorKind.Device))
        {
            throw new ArgumentException("Unknown authenticator kind.", nameof(request));
        }

        var name = (webAuthn.Name ?? (webAuthn.AuthenticatorKind == WebAuthnAuthenticatorKind.Device ? "Device authenticator" : "Security key")).Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            return ValueTask.FromResult(EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, $"A name has 1 to {MaxNameLength} characters and no control characters."));
        }

        var credentials = existing.Where(r => r.UserId == user.Id).Select(r => CredentialRecords.TryRead(r, out var d) ? (Record: r, Data: d) : default).Where(c => c.Record is not null).ToList();

        // Reuse the user handle of the user's existing credentials; a new user gets 32 random bytes (§14.6.1: never PII).
        var userHandle = credentials.Select(c => c.Data.UserHandle).FirstOrDefault(h => h is not null) is { } known && ResponseDecoder.TryDecode(known, ResponseDecoder.MaxUserHandleLength, out var reused) && reused.Length > 0
            ? reused
            : RandomNumberGenerator.GetBytes(UserHandleLength);

        var device = webAuthn.AuthenticatorKind == WebAuthnAuthenticatorKind.Device;
        var requireUv = device || _policy.UserVerification == UserVerificationRequirement.Required;
        var challenge = NewChallenge();
        var options = new CreationOptions
        {
            UserName = user.DisplayName,
            UserDisplayName = user.DisplayName,
            UserHandle = userHandle,
            Challenge = challenge,
            Kind = webAuthn.AuthenticatorKind,
            UserVerification = requireUv ? UserVerificationRequirement.Required : _policy.UserVerification,
            ResidentKey = device ? ResidentKeyRequirement.Required : _policy.SecurityKeyResidentKey,
            ExcludeCredentials = [.. credentials.Select(c => new CredentialDescriptor(c.Record.CredentialId!, c.Data.Transports))],
        };
        var state = new RegistrationState
        {
            UserId = user.Id,
            Challenge = Encode(challenge),
            UserHandle = Encode(userHandle),
            Kind = CredentialKinds.ToName(webAuthn.AuthenticatorKind),
            Name = name,
            RequireUserVerification = requireUv,
            Algorithms = _policy.Algorithms,
        };
        EnrollmentBeginResult result = new WebAuthnEnrollmentBeginResult(CeremonyState.Write(state, WebAuthnJsonContext.Default.RegistrationState), options.ToJson(_policy));
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs every step of WebAuthn L3 §7.1: client data type, challenge (constant time), origin, cross-origin and top
    /// origin, RP ID hash, UP, UV, BE/BS, algorithm among those offered, extensions, the attestation statement, trust
    /// (when required), credential id length and uniqueness. The record is not stored here: the MFA service stores it.
    /// </remarks>
    public async ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(MfaUser user, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (response is not WebAuthnEnrollmentResponse webAuthn)
        {
            throw new ArgumentException($"The WebAuthn factor takes a {nameof(WebAuthnEnrollmentResponse)}.", nameof(response));
        }

        if (!CeremonyState.TryRead(state, WebAuthnJsonContext.Default.RegistrationState, out var begun)
            || !TryDecodeChallenge(begun.Challenge, out var challenge)
            || !CredentialKinds.TryParse(begun.Kind, out var kind))
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "The registration state is unreadable.");
        }

        if (begun.UserId != user.Id)
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.ChallengeMismatch);
        }

        var expectation = new RegistrationExpectation
        {
            Challenge = challenge,
            Algorithms = begun.Algorithms,
            RequireUserVerification = begun.RequireUserVerification,
            Now = _time.GetUtcNow(),
        };
        var verified = CredentialRegistration.Verify(_policy, expectation, webAuthn.ResponseJson, kind);
        if (!verified.Succeeded)
        {
            return EnrollmentCompleteResult.Failure(verified.FailureReason, verified.Message);
        }

        // Verify that the credentialId is not yet registered for any user (§7.1; prevents registering a victim's credential).
        var info = verified.Credential;
        if (await _authenticators.FindByCredentialIdAsync(Kind, info.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            WebAuthnLog.CredentialAlreadyRegistered(_logger, user.Id);
            return EnrollmentCompleteResult.Failure(MfaFailureReason.AlreadyEnrolled, "This credential is already registered.");
        }

        var data = new WebAuthnCredentialData
        {
            Kind = begun.Kind,
            PublicKey = Encode(info.PublicKey.Span),
            Alg = (int)info.Algorithm,
            SignCount = info.SignCount,
            Aaguid = info.Aaguid.ToString("D"),
            Fmt = info.Format,
            AttestationType = WebAuthnNames.Of(info.AttestationType),
            Trusted = verified.Trusted,
            Transports = info.Transports,
            BackupEligible = info.BackupEligible,
            BackupState = info.BackupState,
            UserVerified = info.UserVerified,
            Discoverable = info.Discoverable,
            UserHandle = begun.UserHandle,
        };
        return new WebAuthnEnrollmentCompleteResult(NewRecord(user, begun.Name, info.Id, data), info, verified.TrustPath, verified.Trusted);
    }
}
