using Mfa.Core.Factors;
using Mfa.Totp.Codes;

namespace Mfa.Totp.CounterBased;

/// <summary>
/// Imports a hardware HOTP token (a YubiKey OATH-HOTP slot, a bank token) from the secret and counter its vendor or
/// provisioning tool supplied, through <see cref="Core.Service.IMfaService.ImportAuthenticatorAsync"/>: no code is needed.
/// </summary>
/// <remarks>The secret is a key: keep this object short-lived. <see cref="ToString"/> hides it. Policy applies as to enrollment imports.</remarks>
/// <param name="secret">The shared secret K.</param>
/// <param name="counter">The token's next counter (0 for a new token).</param>
public sealed class HotpImport(ReadOnlyMemory<byte> secret, long counter) : AuthenticatorImport
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Hotp;

    /// <summary>The shared secret K.</summary>
    public ReadOnlyMemory<byte> Secret { get; } = secret;

    /// <summary>The token's next counter.</summary>
    public long Counter { get; } = counter;

    /// <summary>The HMAC hash.</summary>
    /// <value>Default <see cref="TotpAlgorithm.Sha1"/>.</value>
    public TotpAlgorithm Algorithm { get; init; } = TotpAlgorithm.Sha1;

    /// <summary>The code length.</summary>
    /// <value>Default 6.</value>
    public int Digits { get; init; } = 6;

    /// <inheritdoc />
    public override string ToString() => $"HotpImport {{ Name = {Name}, Secret = hidden }}";
}
