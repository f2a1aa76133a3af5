using System.Buffers.Text;
using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Storage;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn;

/// <summary>
/// The WebAuthn factor (<see cref="FactorKinds.WebAuthn"/>): security keys and device authenticators registered and used
/// per WebAuthn Level 3, legacy FIDO U2F keys imported with their AppID, and passkey sign-in without a username.
/// </summary>
/// <remarks>
/// Hosts normally reach it through <see cref="Mfa.Core.Service.IMfaService"/> with <see cref="WebAuthnEnrollmentRequest"/>,
/// <see cref="WebAuthnEnrollmentResponse"/>, <see cref="WebAuthnChallengeRequest"/> and <see cref="WebAuthnChallengeResponse"/>.
/// The factor-level methods (<see cref="BeginPasskeySignInAsync"/>, <see cref="ImportLegacyU2fKeyAsync"/>) are for what
/// the service cannot do: a ceremony before the user is known, and importing existing keys.
/// Registration follows §7.1 and assertion §7.2 of <see href="https://www.w3.org/TR/webauthn-3/">WebAuthn Level 3</see>.
/// </remarks>
public sealed partial class WebAuthnFactor : IFactor
{
    private readonly RelyingPartyPolicy _policy;
    private readonly IAuthenticatorStore _authenticators;
    private readonly IChallengeStore _challenges;
    private readonly IOptions<MfaOptions> _mfaOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<WebAuthnFactor> _logger;
    private readonly CoseKeyCache _keys = new();

    /// <summary>Creates the factor (dependency injection does this; see <c>AddWebAuthn</c>).</summary>
    /// <param name="options">The validated WebAuthn options.</param>
    /// <param name="authenticators">The authenticator store (credential-id uniqueness, passkey and legacy lookups).</param>
    /// <param name="challenges">The challenge store (passkey sign-in state).</param>
    /// <param name="mfaOptions">The MFA options (challenge lifetime).</param>
    /// <param name="time">The clock (certificate validity, record times).</param>
    /// <param name="logger">The logger.</param>
    public WebAuthnFactor(IOptions<WebAuthnOptions> options, IAuthenticatorStore authenticators, IChallengeStore challenges, IOptions<MfaOptions> mfaOptions, TimeProvider time, ILogger<WebAuthnFactor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(authenticators);
        ArgumentNullException.ThrowIfNull(challenges);
        ArgumentNullException.ThrowIfNull(mfaOptions);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _policy = RelyingPartyPolicy.From(options.Value);
        _authenticators = authenticators;
        _challenges = challenges;
        _mfaOptions = mfaOptions;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Kind => FactorKinds.WebAuthn;

    private byte[] NewChallenge() => RandomNumberGenerator.GetBytes(_policy.ChallengeSize);

    private static bool TryDecodeChallenge(string text, out byte[] challenge) => ResponseDecoder.TryDecode(text, 64, out challenge) && challenge.Length > 0;

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private AuthenticatorRecord NewRecord(MfaUser user, string name, string credentialId, WebAuthnCredentialData data) => new()
    {
        Id = AuthenticatorRecord.NewId(),
        UserId = user.Id,
        Kind = Kind,
        Name = name,
        CredentialId = credentialId,
        Data = CredentialRecords.Write(data),
        CreatedAt = _time.GetUtcNow(),
    };
}
