using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.Apns;

/// <summary>Validates <see cref="ApnsOptions"/> at start-up.</summary>
internal sealed class ApnsOptionsValidator : IValidateOptions<ApnsOptions>
{
    private static readonly TimeSpan s_minRefresh = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan s_maxRefresh = TimeSpan.FromMinutes(55);
    private static readonly TimeSpan s_minTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromMinutes(2);

    public ValidateOptionsResult Validate(string? name, ApnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (!IsAppleId(options.KeyId))
        {
            result.AddError("Must be the 10-character Key ID.", nameof(ApnsOptions.KeyId));
        }

        if (!IsAppleId(options.TeamId))
        {
            result.AddError("Must be the 10-character Team ID.", nameof(ApnsOptions.TeamId));
        }

        if (options.Topic is not { Length: > 0 and <= 255 } topic || !topic.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            result.AddError("Must be the app's bundle id.", nameof(ApnsOptions.Topic));
        }

        using (var key = TryImportKey(options.PrivateKey))
        {
            if (key is null)
            {
                result.AddError("Must be the .p8 file's PKCS#8 PEM of a P-256 key.", nameof(ApnsOptions.PrivateKey));
            }
        }

        if (!Enum.IsDefined(options.Environment))
        {
            result.AddError("Must be Production or Development.", nameof(ApnsOptions.Environment));
        }

        if (options.Endpoint is not null && (!options.Endpoint.IsAbsoluteUri || options.Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            result.AddError("Must be null or an absolute https URI.", nameof(ApnsOptions.Endpoint));
        }

        if (options.ProviderTokenRefreshInterval < s_minRefresh || options.ProviderTokenRefreshInterval > s_maxRefresh)
        {
            result.AddError($"Must be between {s_minRefresh} and {s_maxRefresh}.", nameof(ApnsOptions.ProviderTokenRefreshInterval));
        }

        Length(result, options.NotificationTitle, 100, nameof(ApnsOptions.NotificationTitle));
        Length(result, options.NotificationBody, 200, nameof(ApnsOptions.NotificationBody));
        Length(result, options.Category, 64, nameof(ApnsOptions.Category));
        Length(result, options.CollapseId, 64, nameof(ApnsOptions.CollapseId));
        if (options.RequestTimeout < s_minTimeout || options.RequestTimeout > s_maxTimeout)
        {
            result.AddError($"Must be between {s_minTimeout} and {s_maxTimeout}.", nameof(ApnsOptions.RequestTimeout));
        }

        return result.Build();
    }

    /// <summary>Imports the .p8 key; null unless it is a P-256 private key in PEM.</summary>
    internal static ECDsa? TryImportKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize == 256 && key.ExportParameters(includePrivateParameters: true).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                return key;
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // Not a key: reported by the caller.
        }

        key.Dispose();
        return null;
    }

    private static bool IsAppleId(string? id) => id is { Length: 10 } && id.All(char.IsAsciiLetterOrDigit);

    private static void Length(ValidateOptionsResultBuilder result, string? value, int max, string property)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            result.AddError($"Must be 1 to {max} characters.", property);
        }
    }
}
