using System.Text.Json;
using Mfa.AspNetCore.Endpoints;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Duo;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Factors;

/// <summary>Duo: a binding enrollment; Universal Prompt (redirect, completed at <c>/duo/callback</c>) or the Auth API (push, phone: polled; passcode).</summary>
internal sealed class DuoBinding(PendingLookups lookups) : FactorBinding
{
    public override string Kind => FactorKinds.Duo;

    public override ChallengeResponse? PollResponse { get; } = new DuoPollResponse();

    public override async Task<FactorReply?> BeginEnrollmentAsync(IMfaService mfa, MfaSession session, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        var request = new DuoEnrollmentRequest { Name = body.String("name"), Username = body.String("username") };
        var start = await mfa.BeginEnrollmentAsync(session.User, request, cancellationToken).ConfigureAwait(false);
        return Reply(start, static (json, prompt) => json.WriteString("username", prompt.Username));
    }

    public override EnrollmentResponse? ReadEnrollmentResponse(JsonElement body) => new DuoEnrollmentResponse();

    public override async Task<FactorReply?> BeginChallengeAsync(IMfaService mfa, MfaUser user, MfaPurpose purpose, string? authenticatorId, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        DuoChallengeMode? mode = body.String("mode") switch
        {
            null or "universalPrompt" => DuoChallengeMode.UniversalPrompt,
            "push" => DuoChallengeMode.Push,
            "phone" => DuoChallengeMode.Phone,
            "passcode" => DuoChallengeMode.Passcode,
            _ => null,
        };
        if (mode is not { } duoMode)
        {
            return null;
        }

        var request = new DuoChallengeRequest(purpose, duoMode)
        {
            AuthenticatorId = authenticatorId,
            Device = body.String("device"),
            IpAddress = context.Connection.RemoteIpAddress?.ToString(),
        };
        var start = await mfa.BeginChallengeAsync(user, request, cancellationToken).ConfigureAwait(false);
        if (start.Succeeded && duoMode == DuoChallengeMode.UniversalPrompt)
        {
            var returnUrl = body.String("returnUrl") is { } url && MfaAspNetCoreOptionsValidator.IsLocalPath(url) ? url : null;
            await lookups.SetDuoRedirectAsync(start.ChallengeId, purpose.Value, returnUrl, start.ExpiresAt, cancellationToken).ConfigureAwait(false);
        }

        return Reply(start, static (json, prompt) =>
        {
            json.WriteString("mode", JsonReply.Camel(prompt.Mode.ToString()));
            json.WriteOptional("authorizationUrl", prompt.AuthorizationUrl?.AbsoluteUri);
            json.WriteBoolean("duoBypassed", prompt.DuoBypassed);
            json.WriteStartArray("allowedOptions");
            foreach (var option in new[] { DuoAuthOptions.Push, DuoAuthOptions.Phone, DuoAuthOptions.Passcode })
            {
                if (prompt.AllowedOptions.HasFlag(option))
                {
                    json.WriteStringValue(JsonReply.Camel(option.ToString()));
                }
            }

            json.WriteEndArray();
        });
    }

    public override ChallengeResponse? ReadChallengeResponse(JsonElement body) =>
        Required(body, "passcode") is { } passcode ? new DuoPasscodeResponse(passcode) : PollResponse;
}
