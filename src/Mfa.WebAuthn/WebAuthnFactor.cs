using System.Buffers.Text;
using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Attestation;
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
/// Hosts reach it through <see cref="Mfa.Core.Service.IMfaService"/> only: <see cref="WebAuthnEnrollmentRequest"/>,
/// <see cref="WebAuthnChallengeRequest"/> (also for <c>BeginDiscoverableChallengeAsync</c>) and <see cref="LegacyU2fKey"/>
/// (for <c>ImportAuthenticatorAsync</c>). Registration follows §7.1 (<see cref="RegistrationProcedure"/>) and assertion §7.2
/// (<see cref="AssertionProcedure"/>) of <see href="https://www.w3.org/TR/webauthn-3/">WebAuthn Level 3</see>. Pure: the
/// counter and backup state travel back in the result and the service writes them with the record's concurrency token.
/// </remarks>
internal sealed partial class WebAuthnFactor : IDiscoverableFactor, IImportingFactor
{
    private readonly RelyingPartyPolicy _policy;
    private readonly ILogger<WebAuthnFactor> _logger;
    private readonly CoseKeyCache _keys = new();

    /// <summary>Creates the factor (dependency injection does this; see <c>AddWebAuthn</c>).</summary>
    /// <param name="options">The validated WebAuthn options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="trustSources">
    /// The registered <see cref="IAuthenticatorTrustSource"/>s (for example FIDO metadata, <c>AddFidoMetadata</c>); none
    /// for configured trust anchors only. With several, the first that knows a model answers.
    /// </param>
    public WebAuthnFactor(IOptions<WebAuthnOptions> options, ILogger<WebAuthnFactor> logger, IEnumerable<IAuthenticatorTrustSource> trustSources)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(trustSources);
        _policy = RelyingPartyPolicy.From(options.Value, TrustSources.Combine(trustSources));
        _logger = logger;
    }

    /// <inheritdoc />
    public string Kind => FactorKinds.WebAuthn;

    private byte[] NewChallenge() => RandomNumberGenerator.GetBytes(_policy.ChallengeSize);

    private static bool TryDecodeChallenge(string text, out byte[] challenge) => ResponseDecoder.TryDecode(text, 64, out challenge) && challenge.Length > 0;

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private AuthenticatorRecord NewRecord(string id, string userId, string name, string credentialId, WebAuthnCredentialData data, DateTimeOffset now) => new()
    {
        Id = id,
        UserId = userId,
        Kind = Kind,
        Name = name,
        CredentialId = credentialId,
        Data = CredentialRecords.Write(data),
        CreatedAt = now,
    };
}
