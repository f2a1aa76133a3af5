using Mfa.Totp.Codes;
using Mfa.Totp.Verification;
using Microsoft.Extensions.Options;

namespace Mfa.Totp;

/// <summary>Validates <see cref="TotpOptions"/> at start-up.</summary>
internal sealed class TotpOptionsValidator : IValidateOptions<TotpOptions>
{
    public ValidateOptionsResult Validate(string? name, TotpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.Issuer) || options.Issuer.Contains(':', StringComparison.Ordinal) || options.Issuer.Length > 64)
        {
            result.AddError("Must be 1 to 64 characters without ':'.", nameof(TotpOptions.Issuer));
        }

        Check(result, options.AllowedDriftSteps is >= 0 and <= TotpVerifier.MaxWindow, $"Must be between 0 and {TotpVerifier.MaxWindow}.", nameof(TotpOptions.AllowedDriftSteps));
        Check(result, Enum.IsDefined(options.Algorithm), "Must be Sha1, Sha256 or Sha512.", nameof(TotpOptions.Algorithm));
        Check(result, options.Digits is >= Hotp.MinDigits and <= Hotp.MaxDigits, "Must be between 6 and 8.", nameof(TotpOptions.Digits));
        Check(result, options.PeriodSeconds is >= 15 and <= 300, "Must be between 15 and 300.", nameof(TotpOptions.PeriodSeconds));
        Check(result, options.T0 >= 0, "Must not be negative.", nameof(TotpOptions.T0));
        Check(result, options.SecretBytes is >= TotpSecret.MinGeneratedBytes and <= TotpSecret.MaxBytes, "Must be between 20 and 64.", nameof(TotpOptions.SecretBytes));
        Check(result, options.MinImportedSecretBytes is >= 16 and <= TotpSecret.MaxBytes, "Must be between 16 and 64.", nameof(TotpOptions.MinImportedSecretBytes));
        Check(result, options.AllowedAlgorithms.Count > 0 && options.AllowedAlgorithms.All(Enum.IsDefined), "Must name at least one defined algorithm.", nameof(TotpOptions.AllowedAlgorithms));
        Check(result, options.AllowedDigits.Count > 0 && options.AllowedDigits.All(d => d is >= Hotp.MinDigits and <= Hotp.MaxDigits), "Must name lengths between 6 and 8.", nameof(TotpOptions.AllowedDigits));
        Check(result, options.AllowedPeriods.Count > 0 && options.AllowedPeriods.All(p => p is >= 15 and <= 300), "Must name periods between 15 and 300.", nameof(TotpOptions.AllowedPeriods));
        return result.Build();
    }

    private static void Check(ValidateOptionsResultBuilder result, bool valid, string error, string property)
    {
        if (!valid)
        {
            result.AddError(error, property);
        }
    }
}
