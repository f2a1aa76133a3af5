using System.Diagnostics.CodeAnalysis;
using Mfa.Push.Device.Jose;

namespace Mfa.Push.Device;

/// <summary>
/// A wake-up notification (push spec §4.6): FCM <c>data</c>, the APNs payload's <c>mfa</c> key, or a decrypted Web Push
/// payload. It carries ids only (Web Push may carry the challenge token too); the app fetches and verifies the challenge.
/// </summary>
public sealed class PushDeviceNotification
{
    private PushDeviceNotification(string challengeId, string credentialId, string? challengeToken)
    {
        ChallengeId = challengeId;
        CredentialId = credentialId;
        ChallengeToken = challengeToken;
    }

    /// <summary>The challenge id (<c>cid</c>).</summary>
    public string ChallengeId { get; }

    /// <summary>The credential it is for (<c>cred</c>).</summary>
    public string CredentialId { get; }

    /// <summary>The challenge token, when the payload carries it (Web Push); verify it like a fetched one.</summary>
    public string? ChallengeToken { get; }

    /// <summary>Parses a notification payload (JSON): <c>{"v":"1","t":"mfa-push","cid":…,"cred":…}</c>, <c>{"mfa":{"v":1,"cid":…,"cred":…},…}</c> or the Web Push form with <c>chal</c>.</summary>
    /// <param name="json">The payload.</param>
    /// <param name="notification">The notification.</param>
    /// <returns>Whether it is an MFA push notification.</returns>
    public static bool TryParse(string? json, [NotNullWhen(true)] out PushDeviceNotification? notification)
    {
        notification = null;
        if (json is null || !StrictJson.TryParseObject(json, out var root))
        {
            return false;
        }

        var claims = new Claims(root);
        if (claims.TryGetObject("mfa", out var apns))
        {
            claims = apns;
        }

        if (!claims.TryGetString("cid", out var cid) || !claims.TryGetString("cred", out var cred) || !claims.TryGetOptionalString("chal", out var chal))
        {
            return false;
        }

        notification = new PushDeviceNotification(cid, cred, chal);
        return true;
    }
}
