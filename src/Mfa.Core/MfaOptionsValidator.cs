using Microsoft.Extensions.Options;

namespace Mfa.Core;

/// <summary>Validates <see cref="MfaOptions"/> at start-up.</summary>
internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        Range(result, options.ChallengeLifetime, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), nameof(MfaOptions.ChallengeLifetime));
        Range(result, options.EnrollmentLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), nameof(MfaOptions.EnrollmentLifetime));
        Range(result, options.EnrollmentGracePeriod, TimeSpan.Zero, TimeSpan.FromDays(90), nameof(MfaOptions.EnrollmentGracePeriod));
        Range(result, options.ThrottleWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), nameof(MfaOptions.ThrottleWindow));
        Range(result, options.ThrottleMaxFailures, 1, 1000, nameof(MfaOptions.ThrottleMaxFailures));
        Range(result, options.HardLockThreshold, 1, 100, nameof(MfaOptions.HardLockThreshold));
        Range(result, options.AnonymousBeginsPerMinute, 1, 10_000, nameof(MfaOptions.AnonymousBeginsPerMinute));
        Range(result, options.RecoveryCodeCount, 1, 50, nameof(MfaOptions.RecoveryCodeCount));
        Range(result, options.RecoveryCodeLength, 8, 32, nameof(MfaOptions.RecoveryCodeLength));
        Range(result, options.RecoveryCodeHashIterations, 1_000, 10_000_000, nameof(MfaOptions.RecoveryCodeHashIterations));
        if (!options.CustomSecretProtector && options.SecretKey is not { Length: 32 })
        {
            result.AddError("Set a 32-byte AES-256 key (from a secret store), or configure another protector with UseDataProtection().", nameof(MfaOptions.SecretKey));
        }

        return result.Build();
    }

    private static void Range<T>(ValidateOptionsResultBuilder result, T value, T min, T max, string name)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            result.AddError($"Must be between {min} and {max}.", name);
        }
    }
}
