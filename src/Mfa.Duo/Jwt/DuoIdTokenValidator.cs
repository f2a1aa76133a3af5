using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mfa.Duo.Http;

namespace Mfa.Duo.Jwt;

/// <summary>Spec §2.8, every step in order. Pure: the caller passes the clock reading and the expectations.</summary>
internal static class DuoIdTokenValidator
{
    public static DuoIdTokenFailure Validate(
        string? token,
        string clientId,
        string clientSecret,
        string expectedIssuer,
        string expectedUsername,
        string? expectedNonce,
        DateTimeOffset now,
        TimeSpan leeway,
        out DuoIdToken? idToken)
    {
        idToken = null;
        var failure = DuoJwt.TryRead(token, clientSecret, out var claims);
        if (failure != DuoIdTokenFailure.None)
        {
            return failure;
        }

        // 4. iss is the token endpoint URL.
        if (claims.String("iss") != expectedIssuer)
        {
            return DuoIdTokenFailure.Issuer;
        }

        // 5. aud is the client id: a string or, leniently, a one-element array.
        if (!AudienceIs(claims, clientId))
        {
            return DuoIdTokenFailure.Audience;
        }

        // 6. exp present and now <= exp + leeway.
        var nowSeconds = now.ToUnixTimeMilliseconds() / 1000.0;
        var slack = leeway.TotalSeconds;
        if (claims.Number("exp", allowString: false) is not { } exp || nowSeconds > exp + slack)
        {
            return DuoIdTokenFailure.Expired;
        }

        // 7. iat present and iat <= now + leeway; nbf, if present, <= now + leeway; exp not before iat or nbf.
        if (claims.Number("iat", allowString: false) is not { } iat || iat > nowSeconds + slack)
        {
            return DuoIdTokenFailure.NotYetValid;
        }

        var nbf = claims.Number("nbf", allowString: false);
        if (claims.Has("nbf") && (nbf is null || nbf > nowSeconds + slack))
        {
            return DuoIdTokenFailure.NotYetValid;
        }

        if (exp < iat || (nbf is { } notBefore && exp < notBefore))
        {
            return DuoIdTokenFailure.InvalidLifetime;
        }

        // 8. preferred_username: ordinal, ignoring case (Duo lower-cases aliases), no trimming, no normalization.
        var username = claims.String("preferred_username");
        if (username is null || !string.Equals(username, expectedUsername, StringComparison.OrdinalIgnoreCase))
        {
            return DuoIdTokenFailure.UsernameMismatch;
        }

        // 9. The nonce, only when one was sent.
        var nonce = claims.String("nonce");
        if (expectedNonce is not null && (nonce is null || !FixedTimeEquals(nonce, expectedNonce)))
        {
            return DuoIdTokenFailure.NonceMismatch;
        }

        idToken = DuoIdToken.From(claims, username, exp, iat);

        // 10. SDK policy beyond the official SDKs: only auth_result.result == "allow" is a success.
        return idToken.AuthResult.Result == "allow" ? DuoIdTokenFailure.None : DuoIdTokenFailure.Denied;
    }

    private static bool AudienceIs(JsonElement claims, string clientId)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == clientId,
            JsonValueKind.Array => aud.GetArrayLength() == 1 && aud[0].ValueKind == JsonValueKind.String && aud[0].GetString() == clientId,
            _ => false,
        };
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
