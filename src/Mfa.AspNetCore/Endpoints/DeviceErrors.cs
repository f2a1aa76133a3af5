using System.Text.Json;
using Mfa.Core;
using Mfa.Push;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>The push protocol's error codes (push spec §6) of a device reply, as Core's stable failure reasons.</summary>
internal static class DeviceErrors
{
    private static readonly Dictionary<string, PushProtocolError> s_byCode =
        Enum.GetValues<PushProtocolError>().ToDictionary(e => e.ToCode(), StringComparer.Ordinal);

    /// <summary>The <c>error</c> member of a reply body, when it is one of the spec's codes.</summary>
    public static string? CodeOf(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String && s_byCode.ContainsKey(error.GetString()!)
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The failure reason of a spec error code (<c>MalformedInput</c> for none or an unlisted one).</summary>
    public static MfaFailureReason ReasonOf(string? code) => code is not null && s_byCode.TryGetValue(code, out var error)
        ? error switch
        {
            PushProtocolError.UnsupportedAlg => MfaFailureReason.UnsupportedAlgorithm,
            PushProtocolError.WrongTyp => MfaFailureReason.WrongType,
            PushProtocolError.UnknownChallenge => MfaFailureReason.ChallengeNotFound,
            PushProtocolError.UnknownCredential => MfaFailureReason.UnknownAuthenticator,
            PushProtocolError.InvalidSignature or PushProtocolError.MalformedSignature => MfaFailureReason.InvalidSignature,
            PushProtocolError.ClaimMismatch or PushProtocolError.ProofMismatch => MfaFailureReason.ChallengeMismatch,
            PushProtocolError.StaleResponse => MfaFailureReason.ClockSkew,
            PushProtocolError.Replay => MfaFailureReason.Replayed,
            _ => MfaFailureReason.MalformedInput,
        }
        : MfaFailureReason.MalformedInput;
}
