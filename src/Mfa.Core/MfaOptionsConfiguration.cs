using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mfa.Core;

/// <summary>
/// Reads <see cref="MfaOptions"/> from a configuration section (AOT-safe, no reflection): <c>SecretKey</c> and each
/// <c>SecretKeys:&lt;id&gt;</c> as base64, <c>PrimarySecretKeyId</c>,
/// lifetimes as <c>hh:mm:ss</c>, numbers, <c>RequireMfaByDefault</c>, and <c>AllowedFactors</c> as an array. A value
/// that cannot be read is recorded (by name only, never by value) and reported by the options validator at start-up.
/// </summary>
internal static class MfaOptionsConfiguration
{
    public static void Bind(IConfiguration section, MfaOptions options)
    {
        if (section[nameof(MfaOptions.SecretKey)] is { } key)
        {
            options.SecretKey = TryBase64(key.Trim(), out var bytes) ? bytes : null;
            options.SecretKeyMalformed = bytes is null;
        }

        foreach (var entry in section.GetSection(nameof(MfaOptions.SecretKeys)).GetChildren())
        {
            if (entry.Value is not { } value)
            {
                continue;
            }

            // A value that is not base64 is reported by its id only, never by its text.
            if (TryBase64(value.Trim(), out var bytes))
            {
                options.SecretKeys[entry.Key] = bytes!;
            }
            else
            {
                options.MalformedSecretKeyIds.Add(entry.Key);
            }
        }

        if (section[nameof(MfaOptions.PrimarySecretKeyId)] is { } primary)
        {
            options.PrimarySecretKeyId = primary.Trim();
        }

        Read(section, nameof(MfaOptions.ChallengeLifetime), options, v => options.ChallengeLifetime = v);
        Read(section, nameof(MfaOptions.EnrollmentLifetime), options, v => options.EnrollmentLifetime = v);
        Read(section, nameof(MfaOptions.EnrollmentGracePeriod), options, v => options.EnrollmentGracePeriod = v);
        Read(section, nameof(MfaOptions.ThrottleWindow), options, v => options.ThrottleWindow = v);
        Read(section, nameof(MfaOptions.RecentVerificationMaxAge), options, v => options.RecentVerificationMaxAge = v);
        Read(section, nameof(MfaOptions.SweepInterval), options, v => options.SweepInterval = v);
        Read(section, nameof(MfaOptions.ThrottleMaxFailures), options, (int v) => options.ThrottleMaxFailures = v);
        Read(section, nameof(MfaOptions.HardLockThreshold), options, (int v) => options.HardLockThreshold = v);
        Read(section, nameof(MfaOptions.AnonymousBeginsPerMinute), options, (int v) => options.AnonymousBeginsPerMinute = v);
        Read(section, nameof(MfaOptions.RecoveryCodeCount), options, (int v) => options.RecoveryCodeCount = v);
        Read(section, nameof(MfaOptions.RecoveryCodeLength), options, (int v) => options.RecoveryCodeLength = v);
        Read(section, nameof(MfaOptions.RecoveryCodeHashIterations), options, (int v) => options.RecoveryCodeHashIterations = v);
        if (section[nameof(MfaOptions.RequireMfaByDefault)] is { } require)
        {
            if (bool.TryParse(require, out var value))
            {
                options.RequireMfaByDefault = value;
            }
            else
            {
                options.ConfigurationErrors.Add(nameof(MfaOptions.RequireMfaByDefault));
            }
        }

        foreach (var factor in section.GetSection(nameof(MfaOptions.AllowedFactors)).GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(factor.Value))
            {
                options.AllowedFactors.Add(factor.Value.Trim());
            }
        }
    }

    private static bool TryBase64(string text, out byte[]? bytes)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = null;
        return false;
    }

    private static void Read(IConfiguration section, string name, MfaOptions options, Action<TimeSpan> set)
    {
        if (section[name] is not { } text)
        {
            return;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            options.ConfigurationErrors.Add(name);
        }
    }

    private static void Read(IConfiguration section, string name, MfaOptions options, Action<int> set)
    {
        if (section[name] is not { } text)
        {
            return;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            options.ConfigurationErrors.Add(name);
        }
    }
}
