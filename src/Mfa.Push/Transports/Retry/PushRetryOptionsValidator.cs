using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.Retry;

/// <summary>Validates <see cref="PushRetryOptions"/> at start-up.</summary>
internal sealed class PushRetryOptionsValidator : IValidateOptions<PushRetryOptions>
{
    private static readonly TimeSpan s_minBaseDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan s_maxBaseDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_maxRetryAfter = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, PushRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            result.AddError("Must be between 0 and 10.", nameof(PushRetryOptions.MaxRetryAttempts));
        }

        if (options.BaseDelay < s_minBaseDelay || options.BaseDelay > s_maxBaseDelay)
        {
            result.AddError($"Must be between {s_minBaseDelay} and {s_maxBaseDelay}.", nameof(PushRetryOptions.BaseDelay));
        }

        if (options.MaxDelay < options.BaseDelay || options.MaxDelay > s_maxDelay)
        {
            result.AddError($"Must be between BaseDelay and {s_maxDelay}.", nameof(PushRetryOptions.MaxDelay));
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > s_maxRetryAfter)
        {
            result.AddError($"Must be between 0 and {s_maxRetryAfter}.", nameof(PushRetryOptions.MaxRetryAfter));
        }

        return result.Build();
    }
}
