using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.WebPush;

/// <summary>Validates <see cref="WebPushOptions"/> at start-up.</summary>
internal sealed class WebPushOptionsValidator : IValidateOptions<WebPushOptions>
{
    private static readonly TimeSpan s_minLifetime = TimeSpan.FromMinutes(5);
    // RFC 8292 §2: exp no more than 24 hours ahead; one hour is kept for the push service's clock being behind ours.
    private static readonly TimeSpan s_maxLifetime = TimeSpan.FromHours(23);
    private static readonly TimeSpan s_minTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromMinutes(2);

    public ValidateOptionsResult Validate(string? name, WebPushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (!IsContact(options.VapidSubject))
        {
            result.AddError("Must be a mailto: or https: URI.", nameof(WebPushOptions.VapidSubject));
        }

        using (var key = VapidKey.TryCreate(options.VapidPublicKey, options.VapidPrivateKey))
        {
            if (key is null)
            {
                result.AddError(
                    "Must be a P-256 key pair: a 65-octet uncompressed public point and its 32-octet private scalar, base64url.",
                    nameof(WebPushOptions.VapidPublicKey) + "/" + nameof(WebPushOptions.VapidPrivateKey));
            }
        }

        if (options.VapidTokenLifetime < s_minLifetime || options.VapidTokenLifetime > s_maxLifetime)
        {
            result.AddError($"Must be between {s_minLifetime} and {s_maxLifetime}.", nameof(WebPushOptions.VapidTokenLifetime));
        }

        if (!Enum.IsDefined(options.Urgency))
        {
            result.AddError("Must be VeryLow, Low, Normal or High.", nameof(WebPushOptions.Urgency));
        }

        // RFC 8030 §5.4: at most 32 characters from the URL- and filename-safe Base64 alphabet.
        if (options.Topic is not null && (options.Topic.Length is 0 or > 32 || !options.Topic.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            result.AddError("Must be null or 1 to 32 characters of the base64url alphabet.", nameof(WebPushOptions.Topic));
        }

        if (options.PaddedPayloadLength is < 0 or > WebPushEncryption.MaxPlaintextLength)
        {
            result.AddError($"Must be between 0 and {WebPushEncryption.MaxPlaintextLength}.", nameof(WebPushOptions.PaddedPayloadLength));
        }

        if (options.AllowedEndpointHosts.Any(static h => string.IsNullOrWhiteSpace(h) || h.StartsWith('.') || h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal)))
        {
            result.AddError("Must hold host names only (no scheme, port, path or leading dot).", nameof(WebPushOptions.AllowedEndpointHosts));
        }

        if (options.RequestTimeout < s_minTimeout || options.RequestTimeout > s_maxTimeout)
        {
            result.AddError($"Must be between {s_minTimeout} and {s_maxTimeout}.", nameof(WebPushOptions.RequestTimeout));
        }

        return result.Build();
    }

    private static bool IsContact(string? subject) =>
        subject is not null
        && Uri.TryCreate(subject, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeMailto || (uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)));
}
