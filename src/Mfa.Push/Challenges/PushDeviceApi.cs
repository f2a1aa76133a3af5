using Mfa.Push.Jose;
using Mfa.Push.Responses;

namespace Mfa.Push.Challenges;

/// <summary>The device endpoints' JSON bodies (push spec §4.6–§4.7) and which challenges a device may pull.</summary>
public static class PushDeviceApi
{
    /// <summary>The token of <paramref name="challenge"/> for <paramref name="credentialId"/>, if the challenge is still pending for it.</summary>
    /// <param name="challenge">The challenge.</param>
    /// <param name="answer">The answer recorded on it, if any.</param>
    /// <param name="credentialId">The authenticated device.</param>
    /// <param name="now">The verifier's time.</param>
    /// <returns>The token, or <see langword="null"/> when the challenge was not sent to the device or is no longer pending.</returns>
    public static string? PendingToken(PushChallengeState challenge, PushAnswer? answer, string credentialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(credentialId);
        return answer is null && now <= challenge.ExpiresAt ? challenge.FindTarget(credentialId)?.Token : null;
    }

    /// <summary><c>GET {challenges}/{cid}</c> → <c>{"challenge":"&lt;JWS&gt;"}</c>.</summary>
    /// <param name="token">The challenge token.</param>
    /// <returns>The JSON body.</returns>
    public static string ChallengeJson(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return JwsWriter.JsonString(w => w.WriteString("challenge", token));
    }

    /// <summary><c>GET {challenges}</c> → <c>{"challenges":["&lt;JWS&gt;",…]}</c> (empty array when none).</summary>
    /// <param name="tokens">The pending challenge tokens of the device.</param>
    /// <returns>The JSON body.</returns>
    public static string ChallengesJson(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return JwsWriter.JsonString(w =>
        {
            w.WriteStartArray("challenges");
            foreach (var token in tokens)
            {
                w.WriteStringValue(token);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>An error body <c>{"error":"…"}</c>.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The JSON body.</returns>
    public static string ErrorJson(PushProtocolError error) => JwsWriter.JsonString(w => w.WriteString("error", error.ToCode()));
}
