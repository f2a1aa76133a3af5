using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Metadata;

/// <summary>Validates <see cref="FidoMetadataOptions"/> at start-up.</summary>
internal sealed class FidoMetadataOptionsValidator : IValidateOptions<FidoMetadataOptions>
{
    private static readonly TimeSpan s_minInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_maxInterval = TimeSpan.FromDays(31);

    public ValidateOptionsResult Validate(string? name, FidoMetadataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (options.TrustAnchors is null || options.TrustAnchors.Count == 0 || options.TrustAnchors.Any(static a => a is null))
        {
            result.AddError("At least one trust anchor (the MDS root certificate) is required.", nameof(FidoMetadataOptions.TrustAnchors));
        }

        if (options.StatusPolicy is null)
        {
            result.AddError("A status policy is required.", nameof(FidoMetadataOptions.StatusPolicy));
        }

        if (options.BlobUrl is null || !options.BlobUrl.IsAbsoluteUri || options.BlobUrl.Scheme != Uri.UriSchemeHttps)
        {
            result.AddError("Must be an absolute https URL.", nameof(FidoMetadataOptions.BlobUrl));
        }

        if (options.RefreshInterval < s_minInterval || options.RefreshInterval > s_maxInterval)
        {
            result.AddError($"Must be between {s_minInterval} and {s_maxInterval}.", nameof(FidoMetadataOptions.RefreshInterval));
        }

        if (options.MaxDownloadSize is < 1024 or > 1024 * 1024 * 1024)
        {
            result.AddError("Must be between 1 KiB and 1 GiB.", nameof(FidoMetadataOptions.MaxDownloadSize));
        }

        return result.Build();
    }
}
