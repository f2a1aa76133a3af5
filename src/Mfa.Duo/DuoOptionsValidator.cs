using System.Net;
using Microsoft.Extensions.Options;

namespace Mfa.Duo;

/// <summary>Checks <see cref="DuoOptions"/> at start-up (spec §1: 20/40-character credentials, a host name, an absolute https redirect).</summary>
internal sealed class DuoOptionsValidator : IValidateOptions<DuoOptions>
{
    private const int IdLength = 20;
    private const int SecretLength = 40;
    private static readonly TimeSpan s_minTimeout = TimeSpan.FromMilliseconds(100);

    public ValidateOptionsResult Validate(string? name, DuoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        var universal = options.ClientId is not null || options.ClientSecret is not null;
        var authApi = options.IntegrationKey is not null || options.SecretKey is not null;
        if (!universal && !authApi)
        {
            result.AddError("Configure the Universal Prompt (ClientId, ClientSecret) or the Auth API (IntegrationKey, SecretKey), or both.", nameof(DuoOptions.ClientId));
        }

        if (universal)
        {
            CheckId(result, options.ClientId, nameof(DuoOptions.ClientId));
            CheckSecret(result, options.ClientSecret, nameof(DuoOptions.ClientSecret));
            CheckRedirect(result, options);
        }

        if (authApi)
        {
            CheckId(result, options.IntegrationKey, nameof(DuoOptions.IntegrationKey));
            CheckSecret(result, options.SecretKey, nameof(DuoOptions.SecretKey));
        }

        if (!IsHostShape(options.ApiHost))
        {
            result.AddError("Must be a host name such as api-XXXXXXXX.duosecurity.com: no scheme, path, query or user info.", nameof(DuoOptions.ApiHost));
        }
        else if (options.AllowInsecureLoopbackHttp && !IsLoopback(options.ApiHost))
        {
            result.AddError("AllowInsecureLoopbackHttp is for a loopback emulator only; ApiHost is not loopback.", nameof(DuoOptions.AllowInsecureLoopbackHttp));
        }

        if (!Enum.IsDefined(options.Failmode))
        {
            result.AddError("Must be Closed or Open.", nameof(DuoOptions.Failmode));
        }

        if (options.AllowedAuthOptions == DuoAuthOptions.None || (options.AllowedAuthOptions & ~DuoAuthOptions.All) != DuoAuthOptions.None)
        {
            result.AddError("Allow at least one of Push, Phone and Passcode, and nothing else.", nameof(DuoOptions.AllowedAuthOptions));
        }

        if (!Enum.IsDefined(options.SignatureVersion))
        {
            result.AddError("Must be V2 or V5.", nameof(DuoOptions.SignatureVersion));
        }

        CheckRange(result, options.RequestTimeout, s_minTimeout, TimeSpan.FromMinutes(2), nameof(DuoOptions.RequestTimeout));
        CheckRange(result, options.SynchronousAuthTimeout, s_minTimeout, TimeSpan.FromMinutes(5), nameof(DuoOptions.SynchronousAuthTimeout));
        CheckRange(result, options.ClockLeeway, TimeSpan.Zero, TimeSpan.FromMinutes(5), nameof(DuoOptions.ClockLeeway));
        CheckRange(result, options.RetryDelay, TimeSpan.Zero, TimeSpan.FromSeconds(30), nameof(DuoOptions.RetryDelay));
        if (options.MaxResponseBytes is < 1024 or > 1024 * 1024)
        {
            result.AddError("Must be between 1024 and 1048576.", nameof(DuoOptions.MaxResponseBytes));
        }

        if (options.MaxRetries is < 0 or > 5)
        {
            result.AddError("Must be between 0 and 5.", nameof(DuoOptions.MaxRetries));
        }

        return result.Build();
    }

    /// <summary>A DNS name or IPv4 address, optionally with <c>:port</c> (IPv6 literals in brackets).</summary>
    internal static bool IsHostShape(string? host)
    {
        if (string.IsNullOrEmpty(host) || host.Length > 253 + 6)
        {
            return false;
        }

        if (!Uri.TryCreate("https://" + host + "/", UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0
            || uri.PathAndQuery != "/"
            || uri.Fragment.Length > 0
            || uri.HostNameType == UriHostNameType.Unknown)
        {
            return false;
        }

        var authority = host.StartsWith('[') ? host : host.Split(':')[0];
        return authority.StartsWith('[') || authority.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
    }

    internal static bool IsLoopback(string host)
    {
        if (!Uri.TryCreate("http://" + host + "/", UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
    }

    private static void CheckId(ValidateOptionsResultBuilder result, string? value, string name)
    {
        if (value is null || value.Length != IdLength || !value.All(char.IsAsciiLetterOrDigit))
        {
            result.AddError($"Must be exactly {IdLength} letters or digits.", name);
        }
    }

    private static void CheckSecret(ValidateOptionsResultBuilder result, string? value, string name)
    {
        // The value is a secret: the message names the rule, never the value.
        if (value is null || value.Length != SecretLength || value.Any(static c => c < 0x21 || c > 0x7e))
        {
            result.AddError($"Must be exactly {SecretLength} printable ASCII characters.", name);
        }
    }

    private static void CheckRedirect(ValidateOptionsResultBuilder result, DuoOptions options)
    {
        var uri = options.RedirectUri;
        if (uri is null || !uri.IsAbsoluteUri || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0 || uri.OriginalString.Length > 1024)
        {
            result.AddError("Must be an absolute URL without user info or fragment, at most 1024 characters.", nameof(DuoOptions.RedirectUri));
            return;
        }

        var https = uri.Scheme == Uri.UriSchemeHttps;
        var loopbackHttp = options.AllowInsecureLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
        if (!https && !loopbackHttp)
        {
            result.AddError("Must use https.", nameof(DuoOptions.RedirectUri));
        }
    }

    private static void CheckRange(ValidateOptionsResultBuilder result, TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            result.AddError($"Must be between {min} and {max}.", name);
        }
    }
}
