using Mfa.Totp.Codes;

namespace Mfa.Totp.CounterBased;

/// <summary>Options for the HOTP factor (RFC 4226): the parameters of new secrets, the look-ahead and the import policy.</summary>
public sealed class HotpOptions
{
    /// <summary>The issuer shown in authenticator apps (your product or company name). Must not contain ':'.</summary>
    /// <value>Default "Mfa.Sdk".</value>
    public string Issuer { get; set; } = "Mfa.Sdk";

    /// <summary>
    /// How many counters past the expected one a code may be (RFC 4226 §7.4's look-ahead window <c>s</c>): a token pressed
    /// without signing in moves ahead of the server. Larger values accept more guesses per attempt.
    /// </summary>
    /// <value>Default 10; 0 to 100.</value>
    public int LookAhead { get; set; } = 10;

    /// <summary>How far ahead a resynchronisation with two consecutive codes may find the token (RFC 4226 §7.4).</summary>
    /// <value>Default 100; from <see cref="LookAhead"/> to 1000.</value>
    public int ResynchronizationWindow { get; set; } = 100;

    /// <summary>The hash of newly generated secrets.</summary>
    /// <value>Default <see cref="TotpAlgorithm.Sha1"/> (every HOTP token and app supports it).</value>
    public TotpAlgorithm Algorithm { get; set; } = TotpAlgorithm.Sha1;

    /// <summary>The code length of newly generated secrets.</summary>
    /// <value>Default 6; 6 to 8.</value>
    public int Digits { get; set; } = 6;

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
}
