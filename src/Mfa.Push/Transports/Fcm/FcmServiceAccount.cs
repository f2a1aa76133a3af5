using System.Security.Cryptography;
using System.Text.Json;

namespace Mfa.Push.Transports.Fcm;

/// <summary>The parts of a Google service-account key file the OAuth 2.0 JWT bearer grant needs (push spec §12.2).</summary>
internal sealed class FcmServiceAccount : IDisposable
{
    private FcmServiceAccount(string clientEmail, string keyId, string? projectId, Uri tokenUri, RSA key)
    {
        ClientEmail = clientEmail;
        KeyId = keyId;
        ProjectId = projectId;
        TokenUri = tokenUri;
        Key = key;
    }

    public string ClientEmail { get; }

    public string KeyId { get; }

    public string? ProjectId { get; }

    public Uri TokenUri { get; }

    public RSA Key { get; }

    /// <summary>Parses the key file; null when it is not JSON, lacks a member, or its key is not an RSA PKCS#8 PEM.</summary>
    public static FcmServiceAccount? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || String(root, "client_email") is not { } email
                || String(root, "private_key") is not { } pem
                || String(root, "private_key_id") is not { } keyId
                || !Uri.TryCreate(String(root, "token_uri") ?? "https://oauth2.googleapis.com/token", UriKind.Absolute, out var tokenUri)
                || tokenUri.Scheme != Uri.UriSchemeHttps)
            {
                return null;
            }

            var key = RSA.Create();
            try
            {
                key.ImportFromPem(pem);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                key.Dispose();
                return null;
            }

            return new FcmServiceAccount(email, keyId, String(root, "project_id"), tokenUri, key);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => Key.Dispose();

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
