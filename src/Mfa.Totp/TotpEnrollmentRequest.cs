using Mfa.Core.Factors;

namespace Mfa.Totp;

/// <summary>Starts enrolling a TOTP authenticator: a new secret, or an imported one.</summary>
public sealed class TotpEnrollmentRequest : EnrollmentRequest<TotpEnrollmentPrompt>
{
    /// <inheritdoc />
    public override string Kind => Core.Factors.FactorKinds.Totp;

    /// <summary>The account name shown in the authenticator app; defaults to the user's display name.</summary>
    public string? AccountName { get; init; }

    /// <summary>
    /// An <c>otpauth://totp/…</c> URI to import an existing secret (for example when migrating from another system).
    /// Secrets under <see cref="TotpOptions.MinImportedSecretBytes"/> and parameters outside policy are refused.
    /// </summary>
    public string? ImportUri { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"TotpEnrollmentRequest {{ Name = {Name}, Import = {ImportUri is not null} }}";
}
