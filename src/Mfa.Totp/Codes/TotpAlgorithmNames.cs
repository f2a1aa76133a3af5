namespace Mfa.Totp.Codes;

/// <summary>The Key Uri Format names of <see cref="TotpAlgorithm"/> values: <c>SHA1</c>, <c>SHA256</c>, <c>SHA512</c>.</summary>
public static class TotpAlgorithmNames
{
    /// <summary>The name of an algorithm.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>SHA1, SHA256 or SHA512.</returns>
    public static string ToName(TotpAlgorithm algorithm) => algorithm switch
    {
        TotpAlgorithm.Sha1 => "SHA1",
        TotpAlgorithm.Sha256 => "SHA256",
        TotpAlgorithm.Sha512 => "SHA512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Reads a name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out TotpAlgorithm algorithm)
    {
        algorithm = TotpAlgorithm.Sha1;
        switch (name?.ToUpperInvariant())
        {
            case "SHA1":
                return true;
            case "SHA256":
                algorithm = TotpAlgorithm.Sha256;
                return true;
            case "SHA512":
                algorithm = TotpAlgorithm.Sha512;
                return true;
            default:
                return false;
        }
    }
}
