using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Mfa.Push.Device.Jose;

namespace Mfa.Push.Device;

/// <summary>Export and import of the device's keys and enrollment as one JSON document (a simulator's key file).</summary>
public sealed partial class PushDevice
{
    /// <summary>Exports the device: its private keys (JWK with <c>d</c>), its enrollment and the challenges it answered.</summary>
    /// <remarks>The result contains private keys: store it like a password (file permissions, never logged).</remarks>
    /// <returns>The JSON document.</returns>
    public string Export() => DeviceJws.JsonString(w =>
    {
        w.WriteNumber("v", 1);
        w.WritePropertyName("possession");
        WritePrivateJwk(w, _possessionKey);
        if (_uvKey is not null)
        {
            w.WritePropertyName("uv");
            WritePrivateJwk(w, _uvKey);
        }

        if (_enrollment is { } e)
        {
            w.WriteStartObject("enrollment");
            w.WriteString("verifierId", e.VerifierId);
            w.WriteString("credentialId", e.CredentialId);
            w.WriteString("userHandle", e.UserHandle);
            w.WriteString("serverKid", e.ServerKeyId);
            w.WritePropertyName("serverKey");
            w.WriteRawValue(e.ServerJwkJson);
            w.WriteString("challenges", e.Challenges.AbsoluteUri);
            w.WriteString("pushAddress", e.PushAddress.AbsoluteUri);
            w.WriteEndObject();
        }

        w.WriteStartArray("answered");
        foreach (var cid in _answered)
        {
            w.WriteStringValue(cid);
        }

        w.WriteEndArray();
    });

    /// <summary>Imports a device exported with <see cref="Export"/>.</summary>
    /// <param name="json">The exported document.</param>
    /// <param name="device">The device.</param>
    /// <param name="time">The device clock; the system clock when <see langword="null"/>.</param>
    /// <returns>Whether the document is a valid export.</returns>
    public static bool TryImport(string json, [NotNullWhen(true)] out PushDevice? device, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        device = null;
        if (!StrictJson.TryParseObject(json, out var root))
        {
            return false;
        }

        var claims = new Claims(root);
        if (!claims.IsVersion1() || !claims.TryGetObject("possession", out var possessionJwk) || !TryImportPrivateJwk(possessionJwk, out var possession))
        {
            return false;
        }

        ECDsa? uv = null;
        if (claims.Has("uv") && (!claims.TryGetObject("uv", out var uvJwk) || !TryImportPrivateJwk(uvJwk, out uv)))
        {
            possession.Dispose();
            return false;
        }

        var result = new PushDevice(possession, uv, time ?? TimeProvider.System);
        if (claims.TryGetObject("enrollment", out var e))
        {
            if (!e.TryGetString("verifierId", out var verifierId) || !e.TryGetString("credentialId", out var credentialId)
                || !e.TryGetString("userHandle", out var userHandle) || !e.TryGetString("serverKid", out var serverKid)
                || !e.TryGetObject("serverKey", out var serverJwk) || !TryImportPublicJwk(serverJwk, out var serverKey)
                || !e.TryGetString("challenges", out var challenges) || !IsHttps(challenges, out var challengesUri)
                || !e.TryGetString("pushAddress", out var pushAddress) || !IsHttps(pushAddress, out var pushAddressUri))
            {
                result.Dispose();
                return false;
            }

            serverKey.Dispose();
            result._enrollment = new Enrollment(verifierId, credentialId, userHandle, serverKid, serverJwk.Root.GetRawText(), challengesUri, pushAddressUri);
        }

        if (claims.Root.TryGetProperty("answered", out var answered) && answered.ValueKind == JsonValueKind.Array)
        {
            result._answered.AddRange(answered.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString() ?? string.Empty).TakeLast(MaxRemembered));
        }

        device = result;
        return true;
    }

    private static void WritePublicJwk(Utf8JsonWriter w, ECDsa key) => WriteJwk(w, key.ExportParameters(includePrivateParameters: false), includePrivate: false);

    private static void WritePrivateJwk(Utf8JsonWriter w, ECDsa key) => WriteJwk(w, key.ExportParameters(includePrivateParameters: true), includePrivate: true);

    private static void WriteJwk(Utf8JsonWriter w, ECParameters parameters, bool includePrivate)
    {
        w.WriteStartObject();
        w.WriteString("kty", "EC");
        w.WriteString("crv", "P-256");
        w.WriteString("x", Base64UrlStrict.Encode(parameters.Q.X));
        w.WriteString("y", Base64UrlStrict.Encode(parameters.Q.Y));
        if (includePrivate && parameters.D is { } d)
        {
            w.WriteString("d", Base64UrlStrict.Encode(d));
        }

        w.WriteEndObject();
    }

    private static bool TryImportPublicJwk(Claims jwk, [NotNullWhen(true)] out ECDsa? key) => TryImportJwk(jwk, requirePrivate: false, out key);

    private static bool TryImportPrivateJwk(Claims jwk, [NotNullWhen(true)] out ECDsa? key) => TryImportJwk(jwk, requirePrivate: true, out key);

    private static bool TryImportJwk(Claims jwk, bool requirePrivate, [NotNullWhen(true)] out ECDsa? key)
    {
        key = null;
        if (!jwk.TryGetString("kty", out var kty) || kty != "EC" || !jwk.TryGetString("crv", out var crv) || crv != "P-256"
            || !jwk.TryGetString("x", out var x) || !Base64UrlStrict.TryDecode(x, out var xBytes) || xBytes.Length != 32
            || !jwk.TryGetString("y", out var y) || !Base64UrlStrict.TryDecode(y, out var yBytes) || yBytes.Length != 32
            || jwk.Has("d") != requirePrivate)
        {
            return false;
        }

        var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = xBytes, Y = yBytes } };
        if (requirePrivate)
        {
            if (!jwk.TryGetString("d", out var d) || !Base64UrlStrict.TryDecode(d, out var dBytes) || dBytes.Length != 32)
            {
                return false;
            }

            parameters.D = dBytes;
        }

        try
        {
            key = ECDsa.Create(parameters);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>What the device keeps after enrolling (push spec §3.4 step 10).</summary>
    private sealed record Enrollment(string VerifierId, string CredentialId, string UserHandle, string ServerKeyId, string ServerJwkJson, Uri Challenges, Uri PushAddress)
    {
        public ECDsa CreateServerKey()
        {
            if (!StrictJson.TryParseObject(ServerJwkJson, out var root) || !TryImportPublicJwk(new Claims(root), out var key))
            {
                throw new InvalidOperationException("The stored server key is not valid.");
            }

            return key;
        }
    }
}
