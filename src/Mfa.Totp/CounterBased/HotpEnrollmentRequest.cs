using Mfa.Core.Factors;

namespace Mfa.Totp.CounterBased;

/// <summary>Starts enrolling an HOTP authenticator: a new secret (counter 0), or one imported from an <c>otpauth://hotp</c> URI.</summary>
/// <remarks>Hardware tokens whose secret and counter come from the vendor (no code at hand) are imported with <see cref="HotpImport"/>.</remarks>
public sealed class HotpEnrollmentRequest : EnrollmentRequest<HotpEnrollmentPrompt>
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Hotp;

    /// <summary>The account name shown in the authenticator app; defaults to the user's display name.</summary>
    public string? AccountName { get; init; }

    /// <summary>
    /// An <c>otpauth://hotp/…?counter=N</c> URI to import an existing secret and counter; the enrollment is completed with a
    /// code the token shows. Secrets under <see cref="HotpOptions.MinImportedSecretBytes"/> and parameters outside policy are refused.
    /// </summary>
    public string? ImportUri { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"HotpEnrollmentRequest {{ Name = {Name}, Import = {ImportUri is not null} }}";
}
