using System.Text.Json;
using Mfa.AspNetCore.Endpoints;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Totp.Codes;
using Mfa.Totp.CounterBased;
using Mfa.Totp.Encoding;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Factors;

/// <summary>
/// HOTP (RFC 4226): enrollment <c>{"name","accountName"?,"importUri"?}</c> → secret, URI, QR SVG and counter, confirmed by
/// <c>{"code"}</c>; challenges <c>{"resynchronize"?}</c> answered by <c>{"code"}</c> or, for a resynchronisation,
/// <c>{"firstCode","secondCode"}</c>; import of a vendor token <c>{"name"?,"secret"(Base32),"counter","algorithm"?,"digits"?}</c>.
/// </summary>
internal sealed class HotpBinding : FactorBinding
{
    public override string Kind => FactorKinds.Hotp;

    public override async Task<FactorReply?> BeginEnrollmentAsync(IMfaService mfa, MfaSession session, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        var request = new HotpEnrollmentRequest { Name = body.String("name"), AccountName = body.String("accountName"), ImportUri = body.String("importUri") };
        var start = await mfa.BeginEnrollmentAsync(session.User, request, cancellationToken).ConfigureAwait(false);
        return Reply(start, static (json, prompt) =>
        {
            json.WriteString("secret", prompt.SecretBase32);
            json.WriteString("uri", prompt.Uri);
            json.WriteString("qrSvg", prompt.GetQrSvg());
            json.WriteNumber("digits", prompt.Digits);
            json.WriteNumber("counter", prompt.Counter);
            json.WriteString("algorithm", prompt.Algorithm.ToString().ToUpperInvariant());
        });
    }

    public override EnrollmentResponse? ReadEnrollmentResponse(JsonElement body) =>
        Required(body, "code") is { } code ? new HotpEnrollmentResponse(code) : null;

    public override async Task<FactorReply?> BeginChallengeAsync(IMfaService mfa, MfaUser user, MfaPurpose purpose, string? authenticatorId, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        if (body.Bool("resynchronize") != true)
        {
            return await base.BeginChallengeAsync(mfa, user, purpose, authenticatorId, body, context, cancellationToken).ConfigureAwait(false);
        }

        var start = await mfa.BeginChallengeAsync(user, new HotpResynchronizationRequest(purpose) { AuthenticatorId = authenticatorId }, cancellationToken).ConfigureAwait(false);
        return Reply(start, static (json, _) => json.WriteBoolean("resynchronize", true));
    }

    public override ChallengeResponse? ReadChallengeResponse(JsonElement body) =>
        (Required(body, "firstCode"), Required(body, "secondCode")) is ({ } first, { } second)
            ? new HotpResynchronizationResponse(first, second)
            : Required(body, "code") is { } code ? new HotpChallengeResponse(code) : null;

    public override bool CanImport => true;

    public override AuthenticatorImport? ReadImport(JsonElement body)
    {
        // Out-of-range digits or algorithm names are refused here; the factor's policy checks the rest (key size, counter).
        var algorithm = TotpAlgorithm.Sha1;
        var digits = body.Int64("digits") ?? 6;
        return Required(body, "secret") is { } secret && body.Int64("counter") is { } counter and >= 0 && digits is >= 1 and <= 10
            && (body.String("algorithm") is not { } name || TotpAlgorithmNames.TryParse(name, out algorithm))
            && Base32.TryDecode(secret, out var key, out _)
                ? new HotpImport(key, counter) { Name = body.String("name"), Algorithm = algorithm, Digits = (int)digits }
                : null;
    }
}
