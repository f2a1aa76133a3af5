using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Mfa.Push;

/// <summary>Validates <see cref="PushOptions"/> at start-up.</summary>
internal sealed class PushOptionsValidator : IValidateOptions<PushOptions>
{
    public ValidateOptionsResult Validate(string? name, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        Check(result, IsHttpsOrigin(options.VerifierId), "Must be an https origin such as 'https://login.example.com' (no path, query or fragment).", nameof(PushOptions.VerifierId));
        Check(result, IsBasePath(options.EndpointBasePath), "Must start with '/' and contain no query, fragment or spaces.", nameof(PushOptions.EndpointBasePath));
        Check(result, !string.IsNullOrWhiteSpace(options.IssuerLabel) && options.IssuerLabel.Length <= 64 && !options.IssuerLabel.Any(char.IsControl), "Must be 1 to 64 characters without control characters.", nameof(PushOptions.IssuerLabel));
        Check(result, IsSigningKey(options.ChallengeSigningKey), "Must be a P-256 key with its private key.", nameof(PushOptions.ChallengeSigningKey));
        Check(result, options.ChallengeSigningKeyId.Length is >= 1 and <= 64 && options.ChallengeSigningKeyId.All(c => c is > ' ' and < (char)127), "Must be 1 to 64 printable ASCII characters.", nameof(PushOptions.ChallengeSigningKeyId));
        CheckRange(result, options.EnrollmentLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), nameof(PushOptions.EnrollmentLifetime));
        CheckRange(result, options.AnswerWindow, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300), nameof(PushOptions.AnswerWindow));
        CheckRange(result, options.FinalizeWindow, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300), nameof(PushOptions.FinalizeWindow));
        CheckRange(result, options.ClockSkew, TimeSpan.Zero, TimeSpan.FromSeconds(300), nameof(PushOptions.ClockSkew));
        CheckRange(result, options.ProofClockSkew, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300), nameof(PushOptions.ProofClockSkew));
        Check(result, Enum.IsDefined(options.NumberMatching), "Unknown number-matching mode.", nameof(PushOptions.NumberMatching));
        Check(result, options.NumberLength is >= 2 and <= 8, "Must be between 2 and 8.", nameof(PushOptions.NumberLength));
        Check(result, options.ChoiceCount is >= 2 and <= 10, "Must be between 2 and 10.", nameof(PushOptions.ChoiceCount));
        Check(result, Enum.IsDefined(options.UserVerification), "Unknown user verification policy.", nameof(PushOptions.UserVerification));
        Check(result, options.MaxDevicesPerUser is >= 1 and <= 100, "Must be between 1 and 100.", nameof(PushOptions.MaxDevicesPerUser));
        CheckRange(result, options.ClientCooldown, TimeSpan.Zero, TimeSpan.FromMinutes(10), nameof(PushOptions.ClientCooldown));
        CheckRange(result, options.ShortWindow, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), nameof(PushOptions.ShortWindow));
        Check(result, options.MaxChallengesPerShortWindow is >= 1 and <= 1000, "Must be between 1 and 1000.", nameof(PushOptions.MaxChallengesPerShortWindow));
        CheckRange(result, options.LongWindow, TimeSpan.FromHours(1), TimeSpan.FromDays(7), nameof(PushOptions.LongWindow));
        Check(result, options.MaxChallengesPerLongWindow is >= 1 and <= 10000, "Must be between 1 and 10000.", nameof(PushOptions.MaxChallengesPerLongWindow));
        Check(result, options.MaxPushesSinceLastSuccess is >= 1 and <= 1000, "Must be between 1 and 1000.", nameof(PushOptions.MaxPushesSinceLastSuccess));
        CheckRange(result, options.FailureWindow, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), nameof(PushOptions.FailureWindow));
        Check(result, options.MaxFailuresPerWindow is >= 1 and <= 100, "Must be between 1 and 100.", nameof(PushOptions.MaxFailuresPerWindow));
        CheckRange(result, options.PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), nameof(PushOptions.PollInterval));
        CheckRange(result, options.FailureCooldown, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), nameof(PushOptions.FailureCooldown));
        CheckRange(result, options.FraudBlock, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30), nameof(PushOptions.FraudBlock));
        return result.Build();
    }

    internal static bool IsHttpsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.UserInfo)
        && value == uri.GetLeftPart(UriPartial.Authority);

    private static bool IsBasePath(string? value) =>
        value is { Length: > 0 and <= 200 } && value[0] == '/' && !value.EndsWith('/') && value.All(c => c > ' ' && c < (char)127 && c is not '?' and not '#');

    private static bool IsSigningKey(ECDsa? key)
    {
        if (key is null)
        {
            return false;
        }

        try
        {
            // Signing proves the private key is there without exporting it (a hardware-backed key may refuse export).
            var parameters = key.ExportParameters(includePrivateParameters: false);
            return parameters.Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value
                && key.SignData("probe"u8, HashAlgorithmName.SHA256).Length > 0;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void CheckRange(ValidateOptionsResultBuilder result, TimeSpan value, TimeSpan min, TimeSpan max, string property) =>
        Check(result, value >= min && value <= max, $"Must be between {min} and {max}.", property);

    private static void Check(ValidateOptionsResultBuilder result, bool valid, string error, string property)
    {
        if (!valid)
        {
            result.AddError(error, property);
        }
    }
}
