using System.Text.Json;
using Mfa.AspNetCore.Endpoints;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.WebAuthn;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Factors;

/// <summary>WebAuthn: options JSON out (as the SDK builds it), the browser's <c>toJSON()</c> credential in.</summary>
internal sealed class WebAuthnBinding : FactorBinding
{
    public override string Kind => FactorKinds.WebAuthn;

    public override async Task<FactorReply?> BeginEnrollmentAsync(IMfaService mfa, MfaSession session, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        WebAuthnAuthenticatorKind? kind = body.String("authenticatorType") switch
        {
            "securityKey" => WebAuthnAuthenticatorKind.SecurityKey,
            "device" => WebAuthnAuthenticatorKind.Device,
            _ => null,
        };
        if (kind is not { } authenticatorKind)
        {
            return null;
        }

        var start = await mfa.BeginEnrollmentAsync(session.User, new WebAuthnEnrollmentRequest(authenticatorKind) { Name = body.String("name") }, cancellationToken).ConfigureAwait(false);
        return Reply(start, static (json, prompt) =>
        {
            json.WritePropertyName("options");
            prompt.Options.WriteTo(json);
        });
    }

    public override EnrollmentResponse? ReadEnrollmentResponse(JsonElement body) =>
        body.ObjectText("credential") is { } credential ? new WebAuthnEnrollmentResponse(credential) : null;

    public override async Task<FactorReply?> BeginChallengeAsync(IMfaService mfa, MfaUser user, MfaPurpose purpose, string? authenticatorId, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        var request = new WebAuthnChallengeRequest(purpose) { AuthenticatorId = authenticatorId, RequireUserVerification = body.Bool("requireUserVerification") ?? false };
        var start = await mfa.BeginChallengeAsync(user, request, cancellationToken).ConfigureAwait(false);
        return Reply(start, WriteOptions);
    }

    public override ChallengeResponse? ReadChallengeResponse(JsonElement body) =>
        body.ObjectText("credential") is { } credential ? new WebAuthnChallengeResponse(credential) : null;

    /// <summary>Writes <c>"options": {…}</c> of a challenge prompt.</summary>
    public static void WriteOptions(Utf8JsonWriter json, WebAuthnChallengePrompt prompt)
    {
        json.WritePropertyName("options");
        prompt.Options.WriteTo(json);
    }
}
