using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;

namespace Mfa.WebAuthn;

/// <summary>Registration (WebAuthn L3 §7.1).</summary>
internal sealed partial class WebAuthnFactor
{
    private const int UserHandleLength = 32;


    /// <inheritdoc />
    /// <remarks>
    /// A security key gets <c>authenticatorAttachment: cross-platform</c>, hint <c>security-key</c>, the configured resident
    /// key and user verification; a device authenticator gets <c>platform</c>, hint <c>client-device</c>, a required
    /// discoverable credential and required user verification. <c>excludeCredentials</c> lists the user's credentials.
    /// The user handle is random, never derived from the user, and reused for all of the user's credentials.
    /// </remarks>
    public ValueTask<EnrollmentBeginResult> BeginEnrollmentAsync(EnrollmentContext context, EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(BeginEnrollment(context, request));
    }

    private EnrollmentBeginResult BeginEnrollment(EnrollmentContext context, EnrollmentRequest request)
    {
        var user = context.User;
        var existing = context.Existing;
        if (request is not WebAuthnEnrollmentRequest webAuthn)
        {
            return EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, "Expected a WebAuthn enrollment request.");
        }

        if (webAuthn.AuthenticatorKind == WebAuthnAuthenticatorKind.LegacyU2f)
        {
            return EnrollmentBeginResult.Failure(MfaFailureReason.NotSupported, "Legacy U2F keys cannot be enrolled; existing ones can be imported.");
        }

        if (webAuthn.AuthenticatorKind is not (WebAuthnAuthenticatorKind.SecurityKey or WebAuthnAuthenticatorKind.Device))
        {
            return EnrollmentBeginResult.Failure(MfaFailureReason.MalformedInput, "Unknown authenticator kind.");
        }

        var name = context.Name ?? (webAuthn.AuthenticatorKind == WebAuthnAuthenticatorKind.Device ? "Device authenticator" : "Security key");

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
            AuthenticatorId = AuthenticatorRecord.NewId(),
            Challenge = Encode(challenge),
            UserHandle = Encode(userHandle),
            Kind = CredentialKinds.ToName(webAuthn.AuthenticatorKind),
            Name = name,
            NameIsDefault = context.Name is null,
            RequireUserVerification = requireUv,
            Algorithms = _policy.Algorithms,
        };
        return EnrollmentBeginResult.Begun(new WebAuthnEnrollmentPrompt(options.ToJson(_policy)), CeremonyState.Write(state, WebAuthnJsonContext.Default.RegistrationState));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs every step of WebAuthn L3 §7.1: client data type, challenge (constant time), origin, cross-origin and top
    /// origin, RP ID hash, UP, UV, BE/BS, algorithm among those offered, extensions, the attestation statement, trust
    /// (when required), credential id length and uniqueness. The record is not stored here: the MFA service stores it.
    /// </remarks>
    public ValueTask<EnrollmentCompleteResult> CompleteEnrollmentAsync(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        return ValueTask.FromResult(CompleteEnrollment(context, state, response));
    }

    private EnrollmentCompleteResult CompleteEnrollment(EnrollmentContext context, ReadOnlyMemory<byte> state, EnrollmentResponse response)
    {
        var user = context.User;
        if (response is not WebAuthnEnrollmentResponse webAuthn)
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a WebAuthn enrollment response.");
        }

        if (!FactorJson.TryRead(state.Span, WebAuthnJsonContext.Default.RegistrationState, out var begun)
            || !TryDecodeChallenge(begun.Challenge, out var challenge)
            || !CredentialKinds.TryParse(begun.Kind, out var kind)
            || begun.AuthenticatorId is null)
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.MalformedInput, "The registration state is unreadable.");
        }

        if (begun.UserId != user.Id)
        {
            return EnrollmentCompleteResult.Failure(MfaFailureReason.ChallengeMismatch);
        }

        // WebAuthn L3 §7.1 (Ceremonies/RegistrationProcedure.cs); this factor supplies what the options asked for and, for
        // step 26, the credential ids the user already has (the store's unique index covers every other user's).
        var expectation = new RegistrationExpectation
        {
            Challenge = challenge,
            Algorithms = begun.Algorithms,
            RequireUserVerification = begun.RequireUserVerification,
            Attachment = kind == WebAuthnAuthenticatorKind.Device ? "platform" : "cross-platform",
            ExcludeCredentials = [.. context.Existing.Select(r => r.CredentialId).OfType<string>()],
            Now = context.Now,
        };
        var verified = RegistrationProcedure.Verify(_policy, expectation, webAuthn.ResponseJson, kind);
        if (!verified.Succeeded)
        {
            if (verified.Failure == MfaFailureReason.AuthenticatorStatusRefused && verified.Model is { } refused)
            {
                WebAuthnLog.RegistrationModelRefused(_logger, user.Id, refused.Aaguid, refused.Description, refused.RefusedStatus ?? refused.Status ?? "unknown");
            }

            if (verified.Failure == MfaFailureReason.AlreadyEnrolled)
            {
                WebAuthnLog.CredentialAlreadyRegistered(_logger, user.Id);
            }

            // A completed attempt that failed verification (wrong type, origin, signature, policy) spends the registration
            // challenge, as a failed assertion spends its challenge; only a response that is not one at all leaves it usable.
            return verified.Failure == MfaFailureReason.MalformedInput
                ? EnrollmentCompleteResult.Failure(verified.Failure, verified.Message)
                : EnrollmentCompleteResult.FinalFailure(verified.Failure, verified.Message);
        }

        var info = verified.Credential;
        var data = new WebAuthnCredentialData
        {
            Kind = begun.Kind,
            PublicKey = Encode(info.PublicKey.Span),
            Alg = (int)info.Algorithm,
            SignCount = info.SignCount,
            Aaguid = info.Aaguid.ToString("D"),
            Model = verified.Model?.Description,
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
        // The user gave no name: the model's name ("YubiKey 5 NFC") is a better default than "Security key".
        var modelName = ModelName(verified.Model);
        var name = begun.NameIsDefault && modelName is not null ? modelName : begun.Name;
        return EnrollmentCompleteResult.Enrolled(NewRecord(begun.AuthenticatorId, user.Id, name, info.Id, data, context.Now) with { Description = modelName });
    }

    private static string? ModelName(Attestation.AuthenticatorModel? model)
    {
        // Metadata is signed but remote text: it must pass the service's name rule, else the default name stays.
        var description = model?.Description.Trim();
        if (string.IsNullOrEmpty(description))
        {
            return null;
        }

        if (description.Length > AuthenticatorNames.MaxLength)
        {
            var cut = AuthenticatorNames.MaxLength - (char.IsHighSurrogate(description[AuthenticatorNames.MaxLength - 1]) ? 1 : 0);
            description = description[..cut];
        }

        return AuthenticatorNames.TryNormalize(description, out var name) ? name : null;
    }
}
