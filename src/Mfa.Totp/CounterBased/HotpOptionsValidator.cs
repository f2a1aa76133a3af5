using Mfa.Totp.Codes;
using Microsoft.Extensions.Options;

namespace Mfa.Totp.CounterBased;

/// <summary>Validates <see cref="HotpOptions"/> at start-up.</summary>
internal sealed class HotpOptionsValidator : IValidateOptions<HotpOptions>
{
    public ValidateOptionsResult Validate(string? name, HotpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        Check(result, !string.IsNullOrWhiteSpace(options.Issuer) && !options.Issuer.Contains(':', StringComparison.Ordinal) && options.Issuer.Length <= 64, "Must be 1 to 64 characters without ':'.", nameof(HotpOptions.Issuer));
        Check(result, options.LookAhead is >= 0 and <= HotpVerifier.MaxLookAhead, $"Must be between 0 and {HotpVerifier.MaxLookAhead}.", nameof(HotpOptions.LookAhead));
        Check(result, options.ResynchronizationWindow >= options.LookAhead && options.ResynchronizationWindow <= HotpVerifier.MaxResynchronizationWindow, $"Must be between LookAhead and {HotpVerifier.MaxResynchronizationWindow}.", nameof(HotpOptions.ResynchronizationWindow));
        Check(result, Enum.IsDefined(options.Algorithm), "Must be Sha1, Sha256 or Sha512.", nameof(HotpOptions.Algorithm));
        Check(result, options.Digits is >= Hotp.MinDigits and <= Hotp.MaxDigits, "Must be between 6 and 8.", nameof(HotpOptions.Digits));
        Check(result, options.SecretBytes is >= TotpSecret.MinGeneratedBytes and <= TotpSecret.MaxBytes, "Must be between 20 and 64.", nameof(HotpOptions.SecretBytes));
        Check(result, options.MinImportedSecretBytes is >= 16 and <= TotpSecret.MaxBytes, "Must be between 16 and 64.", nameof(HotpOptions.MinImportedSecretBytes));
        Check(result, options.AllowedAlgorithms.Count > 0 && options.AllowedAlgorithms.All(Enum.IsDefined), "Must name at least one defined algorithm.", nameof(HotpOptions.AllowedAlgorithms));
        Check(result, options.AllowedDigits.Count > 0 && options.AllowedDigits.All(d => d is >= Hotp.MinDigits and <= Hotp.MaxDigits), "Must name lengths between 6 and 8.", nameof(HotpOptions.AllowedDigits));
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
