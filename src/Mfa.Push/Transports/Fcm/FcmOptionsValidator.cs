using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.Fcm;

/// <summary>Validates <see cref="FcmOptions"/> at start-up.</summary>
internal sealed class FcmOptionsValidator : IValidateOptions<FcmOptions>
{
    private static readonly TimeSpan s_minTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromMinutes(2);

    public ValidateOptionsResult Validate(string? name, FcmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        using (var account = FcmServiceAccount.TryParse(options.ServiceAccountJson))
        {
            if (account is null)
            {
                result.AddError(
                    "Must be a service-account key file: JSON with client_email, private_key (RSA PKCS#8 PEM), private_key_id and an https token_uri.",
                    nameof(FcmOptions.ServiceAccountJson));
            }
            else if (!IsProjectId(options.ProjectId ?? account.ProjectId))
            {
                result.AddError("Must be set here or as the service account's project_id (letters, digits, '-').", nameof(FcmOptions.ProjectId));
            }
        }

        if (options.Endpoint is null || !options.Endpoint.IsAbsoluteUri || options.Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            result.AddError("Must be an absolute https URI.", nameof(FcmOptions.Endpoint));
        }

        Length(result, options.NotificationTitle, 100, nameof(FcmOptions.NotificationTitle));
        Length(result, options.NotificationBody, 200, nameof(FcmOptions.NotificationBody));
        Length(result, options.ApnsCategory, 64, nameof(FcmOptions.ApnsCategory));
        Length(result, options.CollapseKey, 64, nameof(FcmOptions.CollapseKey));
        if (options.RequestTimeout < s_minTimeout || options.RequestTimeout > s_maxTimeout)
        {
            result.AddError($"Must be between {s_minTimeout} and {s_maxTimeout}.", nameof(FcmOptions.RequestTimeout));
        }

        return result.Build();
    }

    internal static bool IsProjectId(string? id) =>
        id is { Length: > 0 and <= 100 } && id.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '.');

    private static void Length(ValidateOptionsResultBuilder result, string? value, int max, string property)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            result.AddError($"Must be 1 to {max} characters.", property);
        }
    }
}
