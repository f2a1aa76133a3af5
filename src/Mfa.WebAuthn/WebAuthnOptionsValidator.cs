using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn;

/// <summary>Validates <see cref="WebAuthnOptions"/> at start-up: identity, origins, algorithms, sizes and trust policy.</summary>
internal sealed class WebAuthnOptionsValidator : IValidateOptions<WebAuthnOptions>
{
    private static readonly TimeSpan s_minTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromHours(1);

    private readonly bool _hasTrustSource;

    /// <summary>Validates without a trust source: <see cref="WebAuthnOptions.RequireTrustedAttestation"/> needs configured anchors.</summary>
    public WebAuthnOptionsValidator()
    {
    }

    /// <summary>Validates knowing the registered trust sources (dependency injection uses this one).</summary>
    /// <param name="trustSources">The registered <see cref="IAuthenticatorTrustSource"/>s: with one, trusted attestation may be required without configured anchors (the model's metadata roots are the anchors).</param>
    public WebAuthnOptionsValidator(IEnumerable<IAuthenticatorTrustSource> trustSources)
    {
        ArgumentNullException.ThrowIfNull(trustSources);
        _hasTrustSource = trustSources.Any();
    }

    public ValidateOptionsResult Validate(string? name, WebAuthnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (!OriginRules.IsValidRelyingPartyId(options.RelyingPartyId))
        {
            result.AddError("Must be a lowercase domain name such as 'example.com' (no scheme, port or path).", nameof(WebAuthnOptions.RelyingPartyId));
        }

        if (string.IsNullOrWhiteSpace(options.RelyingPartyName) || options.RelyingPartyName.Length > 128 || options.RelyingPartyName.Any(char.IsControl))
        {
            result.AddError("Must be 1 to 128 characters without control characters.", nameof(WebAuthnOptions.RelyingPartyName));
        }

        ValidateOrigins(options, result);
        ValidateAlgorithms(options, result);
        if (options.ChallengeSize is < 16 or > 64)
        {
            result.AddError("Must be between 16 and 64 bytes.", nameof(WebAuthnOptions.ChallengeSize));
        }

        if (options.Timeout < s_minTimeout || options.Timeout > s_maxTimeout)
        {
            result.AddError($"Must be between {s_minTimeout} and {s_maxTimeout}.", nameof(WebAuthnOptions.Timeout));
        }

        if (!Enum.IsDefined(options.Attestation))
        {
            result.AddError("Unknown attestation conveyance.", nameof(WebAuthnOptions.Attestation));
        }

        if (!Enum.IsDefined(options.UserVerification))
        {
            result.AddError("Unknown user verification requirement.", nameof(WebAuthnOptions.UserVerification));
        }

        if (!Enum.IsDefined(options.SecurityKeyResidentKey))
        {
            result.AddError("Unknown resident key requirement.", nameof(WebAuthnOptions.SecurityKeyResidentKey));
        }

        if (!Enum.IsDefined(options.CounterRollback))
        {
            result.AddError("Unknown counter rollback policy.", nameof(WebAuthnOptions.CounterRollback));
        }

        ValidateTrust(options, _hasTrustSource, result);
        return result.Build();
    }

    private static void ValidateOrigins(WebAuthnOptions options, ValidateOptionsResultBuilder result)
    {
        if (options.Origins is null || options.Origins.Count == 0)
        {
            result.AddError("At least one origin is required.", nameof(WebAuthnOptions.Origins));
            return;
        }

        foreach (var origin in options.Origins)
        {
            if (origin is null)
            {
                result.AddError("An origin is null.", nameof(WebAuthnOptions.Origins));
            }
            else if (!OriginRules.IsWebOrigin(origin) && !OriginRules.IsAndroidOrigin(origin))
            {
                result.AddError($"'{origin}' is neither a serialized https origin (scheme://host[:port], lowercase, no path) nor 'android:apk-key-hash:<43 base64url characters>'.", nameof(WebAuthnOptions.Origins));
            }
        }

        if (options.AllowedTopOrigins is null)
        {
            result.AddError("Must not be null.", nameof(WebAuthnOptions.AllowedTopOrigins));
            return;
        }

        if (options.AllowedTopOrigins.Count > 0 && !options.AllowCrossOrigin)
        {
            result.AddError("Top origins are only used when AllowCrossOrigin is true.", nameof(WebAuthnOptions.AllowedTopOrigins));
        }

        foreach (var top in options.AllowedTopOrigins)
        {
            if (top is null || !OriginRules.IsWebOrigin(top))
            {
                result.AddError($"'{top}' is not a serialized web origin.", nameof(WebAuthnOptions.AllowedTopOrigins));
            }
        }
    }

    private static void ValidateAlgorithms(WebAuthnOptions options, ValidateOptionsResultBuilder result)
    {
        if (options.PubKeyCredParams is null || options.PubKeyCredParams.Count == 0)
        {
            result.AddError("At least one algorithm is required.", nameof(WebAuthnOptions.PubKeyCredParams));
            return;
        }

        if (options.PubKeyCredParams.Distinct().Count() != options.PubKeyCredParams.Count)
        {
            result.AddError("An algorithm is listed twice.", nameof(WebAuthnOptions.PubKeyCredParams));
        }

        foreach (var alg in options.PubKeyCredParams)
        {
            if (!Enum.IsDefined(alg))
            {
                result.AddError($"Unknown COSE algorithm {(int)alg}.", nameof(WebAuthnOptions.PubKeyCredParams));
            }
            else if (alg == CoseAlgorithm.RS1 && !options.AllowRs1)
            {
                result.AddError("RS1 is offered only when AllowRs1 is true.", nameof(WebAuthnOptions.PubKeyCredParams));
            }
        }
    }

    private static void ValidateTrust(WebAuthnOptions options, bool hasTrustSource, ValidateOptionsResultBuilder result)
    {
        if (options.TrustAnchors is null)
        {
            result.AddError("Must not be null.", nameof(WebAuthnOptions.TrustAnchors));
            return;
        }

        if (options.TrustAnchors.Values.Any(static anchors => anchors is null || anchors.Count == 0 || anchors.Any(static a => a is null)))
        {
            result.AddError("Every AAGUID needs at least one certificate.", nameof(WebAuthnOptions.TrustAnchors));
        }

        if (options.RequireTrustedAttestation)
        {
            if (options.Attestation == AttestationConveyance.None)
            {
                result.AddError("Trusted attestation cannot be required while asking for no attestation.", nameof(WebAuthnOptions.RequireTrustedAttestation));
            }

            if (options.TrustAnchors.Count == 0 && !hasTrustSource)
            {
                result.AddError("Trusted attestation needs at least one trust anchor, or a trust source such as FIDO metadata (AddFidoMetadata).", nameof(WebAuthnOptions.RequireTrustedAttestation));
            }
        }
    }
}
