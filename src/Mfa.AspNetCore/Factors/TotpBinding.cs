using System.Text.Json;
using Mfa.AspNetCore.Endpoints;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Totp;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Factors;

/// <summary>TOTP: <c>{"name","accountName"?}</c> → secret, URI and QR SVG; responses are <c>{"code"}</c>.</summary>
internal sealed class TotpBinding : FactorBinding
{
    public override string Kind => FactorKinds.Totp;

    public override async Task<FactorReply?> BeginEnrollmentAsync(IMfaService mfa, MfaSession session, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        var request = new TotpEnrollmentRequest { Name = body.String("name"), AccountName = body.String("accountName") };
        var start = await mfa.BeginEnrollmentAsync(session.User, request, cancellationToken).ConfigureAwait(false);
        return Reply(start, static (json, prompt) =>
        {
            json.WriteString("secret", prompt.SecretBase32);
            json.WriteString("uri", prompt.Uri);
            json.WriteString("qrSvg", prompt.GetQrSvg());
            json.WriteNumber("digits", prompt.Parameters.Digits);
            json.WriteNumber("period", prompt.Parameters.PeriodSeconds);
            json.WriteString("algorithm", prompt.Parameters.Algorithm.ToString().ToUpperInvariant());
        });
    }

    public override EnrollmentResponse? ReadEnrollmentResponse(JsonElement body) =>
        Required(body, "code") is { } code ? new TotpEnrollmentResponse(code) : null;

    public override ChallengeResponse? ReadChallengeResponse(JsonElement body) =>
        Required(body, "code") is { } code ? new TotpChallengeResponse(code) : null;
}
