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
        Range(result, options.RecentVerificationMaxAge, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), nameof(MfaOptions.RecentVerificationMaxAge));
        if (options.SweepInterval != TimeSpan.Zero)
        {
            Range(result, options.SweepInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), nameof(MfaOptions.SweepInterval));
        }

        Range(result, options.ThrottleMaxFailures, 1, 1000, nameof(MfaOptions.ThrottleMaxFailures));
        Range(result, options.HardLockThreshold, 1, 100, nameof(MfaOptions.HardLockThreshold));
        Range(result, options.AnonymousBeginsPerMinute, 1, 10_000, nameof(MfaOptions.AnonymousBeginsPerMinute));
        Range(result, options.RecoveryCodeCount, 1, 50, nameof(MfaOptions.RecoveryCodeCount));
        Range(result, options.RecoveryCodeLength, 8, 32, nameof(MfaOptions.RecoveryCodeLength));
        Range(result, options.RecoveryCodeHashIterations, 1_000, 10_000_000, nameof(MfaOptions.RecoveryCodeHashIterations));
        foreach (var unreadable in options.ConfigurationErrors)
        {
            result.AddError("The configured value cannot be read (a TimeSpan is hh:mm:ss, a number is an integer, a flag is true or false).", unreadable);
        }

        if (!options.CustomSecretProtector)
        {
            foreach (var (message, member) in Secrets.SecretKeyRing.Validate(options))
            {
                result.AddError(message, member);
            }
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
