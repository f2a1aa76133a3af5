using Mfa.Push.Jose;
using Mfa.Push.Keys;

namespace Mfa.Push.Enrollment;

/// <summary>
/// Verifies <c>POST {pushAddress}</c> (push spec §3.5): a new push address signed with the device's possession key, and
/// optionally a key rotation (<c>newJwk</c> in the payload, plus a second JWS over the same payload signed by the new key).
/// </summary>
public sealed class PushAddressUpdateVerifier
{
    internal const string TokenType = "mfa-push-update+jwt";
    private readonly PushOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier.</summary>
    /// <param name="options">Validated push options.</param>
    /// <param name="time">The clock.</param>
    public PushAddressUpdateVerifier(PushOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Reads the credential id an update claims to come from (the header's <c>kid</c>), to load that device.</summary>
    /// <param name="updateToken">The <c>update</c> JWS.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <returns>Whether the token has the shape of an update.</returns>
    public static bool TryReadCredentialId(string? updateToken, out string credentialId)
    {
        credentialId = string.Empty;
        if (JwsReader.TryRead(updateToken, TokenType, keyInHeader: false, out var jws) != PushProtocolError.None || jws?.KeyId is not { } kid)
        {
            return false;
        }

        credentialId = kid;
        return true;
    }

    /// <summary>Verifies an update from <paramref name="device"/>.</summary>
    /// <param name="updateToken">The <c>update</c> JWS as received, signed by the current possession key.</param>
    /// <param name="device">The device its key id names.</param>
    /// <param name="newKeyProof">For a key rotation: the <c>newKeyProof</c> JWS, the same payload signed by the new key (header <c>jwk</c>).</param>
    /// <returns>The updated device, or why not.</returns>
    public PushAddressUpdateResult Verify(string updateToken, PushDeviceCredential device, string? newKeyProof = null)
    {
        ArgumentNullException.ThrowIfNull(updateToken);
        ArgumentNullException.ThrowIfNull(device);
        var now = _time.GetUtcNow();
        var read = JwsReader.TryRead(updateToken, TokenType, keyInHeader: false, out var jws);
        if (jws?.KeyId is not { } kid)
        {
            return PushAddressUpdateResult.Failure(read == PushProtocolError.None ? PushProtocolError.Malformed : read);
        }

        if (kid != device.CredentialId || device.Status != PushDeviceStatus.Active)
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.UnknownCredential);
        }

        if (jws.Signature.Length != Es256.SignatureSize)
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.MalformedSignature);
        }

        using (var verifier = device.PossessionKey.CreateECDsa())
        {
            if (!jws.VerifySignature(verifier))
            {
                return PushAddressUpdateResult.Failure(PushProtocolError.InvalidSignature);
            }
        }

        if (!jws.TryParsePayload(out var claims) || !TokenTimes.TryRead(claims, out var iat, out var exp) || !claims.TryGetString("jti", out var jti) || jti.Length > 128)
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.Malformed);
        }

        if (!claims.IsVersion1()
            || !claims.TryGetString("iss", out var iss) || iss != device.CredentialId
            || !claims.TryGetString("aud", out var aud) || aud != _options.VerifierId)
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.ClaimMismatch);
        }

        if (!TokenTimes.IsFresh(iat, exp, now, _options.ClockSkew, PushEnrollment.MaxTokenLifetime) || exp < now.ToUnixTimeSeconds())
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.StaleResponse);
        }

        if (!claims.TryGetObject("push", out var push) || !PushAddressParser.TryParse(push, _options.AllowInProcessAddresses, out var address))
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.InvalidPushAddress);
        }

        var updated = device with { Address = address, AddressValid = true };
        if (!claims.Has("newJwk"))
        {
            return PushAddressUpdateResult.Success(updated, rotated: false, jti, DateTimeOffset.FromUnixTimeSeconds(exp) + _options.ClockSkew);
        }

        // Key rotation: the new key proves possession by signing the very same payload segment.
        if (!claims.TryGetObject("newJwk", out var newJwk) || !PushPublicKey.TryFromJwk(newJwk.Root, out var newKey)
            || newKey.Equals(device.PossessionKey) || newKey.Equals(device.UvKey))
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.InvalidKey);
        }

        if (JwsReader.TryRead(newKeyProof, TokenType, keyInHeader: true, out var proof) != PushProtocolError.None || proof is null
            || !proof.Header.TryGetObject("jwk", out var proofJwk) || !PushPublicKey.TryFromJwk(proofJwk.Root, out var proofKey) || !proofKey.Equals(newKey)
            || !proof.Payload.AsSpan().SequenceEqual(jws.Payload))
        {
            return PushAddressUpdateResult.Failure(PushProtocolError.InvalidKey);
        }

        using (var verifier = newKey.CreateECDsa())
        {
            if (!proof.VerifySignature(verifier))
            {
                return PushAddressUpdateResult.Failure(PushProtocolError.InvalidSignature);
            }
        }

        return PushAddressUpdateResult.Success(updated with { PossessionKey = newKey }, rotated: true, jti, DateTimeOffset.FromUnixTimeSeconds(exp) + _options.ClockSkew);
    }
}
