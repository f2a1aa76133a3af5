using System.Security.Cryptography;

namespace Mfa.Push.Transports.WebPush;

/// <summary>The application server's VAPID signing key and its public point (base64url, for the <c>k</c> parameter).</summary>
internal sealed class VapidKey : IDisposable
{
    private VapidKey(ECDsa signingKey, string publicKey)
    {
        SigningKey = signingKey;
        PublicKey = publicKey;
    }

    public ECDsa SigningKey { get; }

    public string PublicKey { get; }

    /// <summary>Imports the key pair; null when either key is malformed, off the curve, or they do not belong together.</summary>
    public static VapidKey? TryCreate(string? publicKey, string? privateKey)
    {
        if (publicKey is null || privateKey is null)
        {
            return null;
        }

        var point = new byte[WebPushEncryption.PublicKeyLength];
        var scalar = new byte[WebPushEncryption.PrivateKeyLength];
        if (!System.Buffers.Text.Base64Url.TryDecodeFromChars(publicKey, point, out var pointLength) || pointLength != point.Length || point[0] != 0x04
            || !System.Buffers.Text.Base64Url.TryDecodeFromChars(privateKey, scalar, out var scalarLength) || scalarLength != scalar.Length)
        {
            return null;
        }

        try
        {
            // Importing D with Q makes the platform check that they belong together and that Q is on the curve.
            var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = scalar,
                Q = new ECPoint { X = point[1..33], Y = point[33..] },
            });
            return new VapidKey(key, System.Buffers.Text.Base64Url.EncodeToString(point));
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    public void Dispose() => SigningKey.Dispose();
}
