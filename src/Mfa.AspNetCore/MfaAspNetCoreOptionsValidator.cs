using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore;

/// <summary>Checks <see cref="MfaAspNetCoreOptions"/> at start-up.</summary>
internal sealed class MfaAspNetCoreOptionsValidator : IValidateOptions<MfaAspNetCoreOptions>
{
    public ValidateOptionsResult Validate(string? name, MfaAspNetCoreOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.SignInScheme))
        {
            result.AddError("A sign-in scheme is required.", nameof(MfaAspNetCoreOptions.SignInScheme));
        }

        if (options.PendingLifetime < TimeSpan.FromMinutes(1) || options.PendingLifetime > TimeSpan.FromMinutes(30))
        {
            result.AddError("Must be between 1 and 30 minutes.", nameof(MfaAspNetCoreOptions.PendingLifetime));
        }

        if (string.IsNullOrWhiteSpace(options.PendingCookieName))
        {
            result.AddError("A cookie name is required.", nameof(MfaAspNetCoreOptions.PendingCookieName));
        }

        if (options.LongPollTimeout < TimeSpan.FromSeconds(1) || options.LongPollTimeout > TimeSpan.FromSeconds(60))
        {
            result.AddError("Must be between 1 and 60 seconds.", nameof(MfaAspNetCoreOptions.LongPollTimeout));
        }

        if (options.EventStreamTimeout < TimeSpan.FromSeconds(1) || options.EventStreamTimeout > TimeSpan.FromMinutes(10))
        {
            result.AddError("Must be between 1 second and 10 minutes.", nameof(MfaAspNetCoreOptions.EventStreamTimeout));
        }

        if (options.EventStreamHeartbeat < TimeSpan.FromSeconds(1) || options.EventStreamHeartbeat > TimeSpan.FromSeconds(60))
        {
            result.AddError("Must be between 1 and 60 seconds.", nameof(MfaAspNetCoreOptions.EventStreamHeartbeat));
        }

        Check(result, options.PasskeySignInRateLimit, nameof(MfaAspNetCoreOptions.PasskeySignInRateLimit));
        Check(result, options.DeviceRateLimit, nameof(MfaAspNetCoreOptions.DeviceRateLimit));
        if (!IsLocalPath(options.SignedInRedirectPath))
        {
            result.AddError("Must be a local path.", nameof(MfaAspNetCoreOptions.SignedInRedirectPath));
        }

        if (options.StepUpPath is not null && !IsLocalPath(options.StepUpPath))
        {
            result.AddError("Must be a local path.", nameof(MfaAspNetCoreOptions.StepUpPath));
        }

        if (!IsLocalPath(options.ErrorRedirectPath))
        {
            result.AddError("Must be a local path.", nameof(MfaAspNetCoreOptions.ErrorRedirectPath));
        }

        return result.Build();
    }

    /// <summary>A path on this site: starts with one '/', no scheme-relative "//" or "/\".</summary>
    internal static bool IsLocalPath(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));

    private static void Check(ValidateOptionsResultBuilder result, MfaRateLimit? limit, string name)
    {
        if (limit is null || limit.PermitLimit < 1 || limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromHours(1))
        {
            result.AddError("Needs a permit limit of at least 1 and a window of 1 second to 1 hour.", name);
        }
    }
}
