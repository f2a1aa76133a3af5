using Mfa.Totp.Codes;

namespace Mfa.Totp;

/// <summary>Options for the TOTP factor: the parameters of new secrets and the policy for verifying and importing them.</summary>
public sealed class TotpOptions
{
    /// <summary>The issuer shown in authenticator apps (your product or company name). Must not contain ':'.</summary>
    /// <value>Default "Mfa.Sdk".</value>
    public string Issuer { get; set; } = "Mfa.Sdk";

    /// <summary>Steps accepted each side of the current one, for clock drift (RFC 6238 §5.2 recommends at most 1).</summary>
    /// <value>Default 1; 0 to 10.</value>
    public int AllowedDriftSteps { get; set; } = 1;

    /// <summary>The hash of newly generated secrets.</summary>
    /// <value>Default <see cref="TotpAlgorithm.Sha1"/> (every authenticator app supports it).</value>
    public TotpAlgorithm Algorithm { get; set; } = TotpAlgorithm.Sha1;

    /// <summary>The code length of newly generated secrets.</summary>
    /// <value>Default 6; 6 to 8.</value>
    public int Digits { get; set; } = 6;

    /// <summary>The time step of newly generated secrets, in seconds.</summary>
    /// <value>Default 30; 15 to 300.</value>
    public int PeriodSeconds { get; set; } = 30;

    /// <summary>The Unix time T0 steps are counted from.</summary>
    /// <value>Default 0 (the Unix epoch).</value>
    public long T0 { get; set; }

    /// <summary>The size of newly generated secrets, in bytes.</summary>
    /// <value>Default 20 (160 bits); 20 to 64.</value>
    public int SecretBytes { get; set; } = TotpSecret.DefaultBytes;

    /// <summary>The smallest imported secret accepted, in bytes (RFC 4226 §4 requires at least 128 bits).</summary>
    /// <value>Default 16 (128 bits); 16 to 64.</value>
    public int MinImportedSecretBytes { get; set; } = 16;

    /// <summary>The algorithms an imported secret may use.</summary>
    /// <value>Default SHA1, SHA256, SHA512.</value>
    public ISet<TotpAlgorithm> AllowedAlgorithms { get; } = new HashSet<TotpAlgorithm> { TotpAlgorithm.Sha1, TotpAlgorithm.Sha256, TotpAlgorithm.Sha512 };

    /// <summary>The code lengths an imported secret may use.</summary>
    /// <value>Default 6, 7 and 8.</value>
    public ISet<int> AllowedDigits { get; } = new HashSet<int> { 6, 7, 8 };

    /// <summary>The periods (seconds) an imported secret may use.</summary>
    /// <value>Default 30 and 60.</value>
    public ISet<int> AllowedPeriods { get; } = new HashSet<int> { 30, 60 };

    internal TotpParameters NewSecretParameters => new(Algorithm, Digits, PeriodSeconds, T0);
}
