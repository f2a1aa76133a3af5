using System.Security.Cryptography;

namespace Mfa.Push.Transports.WebPush;

/// <summary>A VAPID key pair (RFC 8292 §3.2), base64url, for <see cref="WebPushOptions"/>.</summary>
/// <param name="PublicKey">The 65-octet uncompressed P-256 point: share it with browsers as <c>applicationServerKey</c>.</param>
/// <param name="PrivateKey">The 32-octet scalar: keep it in a secret store.</param>
public sealed record VapidKeyPair(string PublicKey, string PrivateKey)
{
    /// <summary>Generates a new key pair. Changing the VAPID key invalidates every existing subscription.</summary>
    /// <returns>The new key pair.</returns>
    public static VapidKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var pair = new VapidKeyPair(
            System.Buffers.Text.Base64Url.EncodeToString(WebPushEncryption.EncodePoint(parameters.Q)),
            System.Buffers.Text.Base64Url.EncodeToString(parameters.D));
        CryptographicOperations.ZeroMemory(parameters.D);
        return pair;
    }

    /// <inheritdoc />
    public override string ToString() => $"VapidKeyPair {{ PublicKey = {PublicKey} }}";
}
