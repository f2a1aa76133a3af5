using Mfa.Push.Jose;

namespace Mfa.Push.Challenges;

/// <summary>
/// Authenticates the device's fetch and pull requests (push spec §4.7–§4.8): the <c>MfaPush-Proof</c> header, a
/// DPoP-style JWS signed with the device's possession key over the method and URL.
/// </summary>
public sealed class PushRequestProofVerifier
{
    /// <summary>The request header that carries the proof.</summary>
    public const string HeaderName = "MfaPush-Proof";

    internal const string TokenType = "mfa-push-proof+jwt";
    private static readonly TimeSpan s_replayWindow = TimeSpan.FromMinutes(5);
    private readonly PushOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier.</summary>
    /// <param name="options">Validated push options.</param>
    /// <param name="time">The clock.</param>
    public PushRequestProofVerifier(PushOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Reads the credential id a proof claims to come from, to load that device; nothing is verified yet.</summary>
    /// <param name="proof">The header value.</param>
    /// <param name="credentialId">The credential id (the header's <c>kid</c>).</param>
    /// <returns>Whether the proof has the shape of one.</returns>
    public static bool TryReadCredentialId(string? proof, out string credentialId)
    {
        credentialId = string.Empty;
        if (JwsReader.TryRead(proof, TokenType, keyInHeader: false, out var jws) != PushProtocolError.None || jws?.KeyId is not { } kid)
        {
            return false;
        }

        credentialId = kid;
        return true;
    }

    /// <summary>Verifies a proof for a request to <paramref name="requestUri"/> with <paramref name="method"/>.</summary>
    /// <param name="proof">The <c>MfaPush-Proof</c> header value as received.</param>
    /// <param name="method">The request's HTTP method.</param>
    /// <param name="requestUri">The request's absolute URL as the verifier publishes it (query and fragment are ignored).</param>
    /// <param name="device">The device the proof's key id names (the caller loads it; <see cref="TryReadCredentialId"/>).</param>
    /// <returns>The authenticated device, or why not.</returns>
    public PushProofResult Verify(string proof, string method, Uri requestUri, PushDeviceCredential device)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(device);
        var now = _time.GetUtcNow();
        var read = JwsReader.TryRead(proof, TokenType, keyInHeader: false, out var jws);
        if (jws?.KeyId is not { } kid)
        {
            return PushProofResult.Failure(read == PushProtocolError.None ? PushProtocolError.Malformed : read);
        }

        // Signed with the possession key of an active device.
        if (kid != device.CredentialId || device.Status != PushDeviceStatus.Active)
        {
            return PushProofResult.Failure(PushProtocolError.UnknownCredential);
        }

        if (jws.Signature.Length != Es256.SignatureSize)
        {
            return PushProofResult.Failure(PushProtocolError.MalformedSignature);
        }

        using (var verifier = device.PossessionKey.CreateECDsa())
        {
            if (!jws.VerifySignature(verifier))
            {
                return PushProofResult.Failure(PushProtocolError.InvalidSignature);
            }
        }

        if (!jws.TryParsePayload(out var claims) || !claims.TryGetString("htm", out var htm) || !claims.TryGetString("htu", out var htu)
            || !claims.TryGetInt64("iat", out var iat) || !claims.TryGetString("jti", out var jti) || jti.Length > 128)
        {
            return PushProofResult.Failure(PushProtocolError.Malformed);
        }

        if (htm != method || !requestUri.IsAbsoluteUri || htu != requestUri.GetLeftPart(UriPartial.Path))
        {
            return PushProofResult.Failure(PushProtocolError.ProofMismatch);
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - iat) > (long)_options.ProofClockSkew.TotalSeconds)
        {
            return PushProofResult.Failure(PushProtocolError.StaleResponse);
        }

        // Remember the jti for as long as any proof with it could verify: iat may lie up to the skew on either side.
        var keep = s_replayWindow > 2 * _options.ProofClockSkew ? s_replayWindow : 2 * _options.ProofClockSkew;
        return PushProofResult.Success(device.CredentialId, jti, now + keep);
    }
}
