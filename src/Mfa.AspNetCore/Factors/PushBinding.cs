using System.Text.Json;
using Mfa.AspNetCore.Endpoints;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Push.Factor;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Factors;

/// <summary>Push: the enrollment URI for the QR code (the phone completes it at <c>/push/v1/enroll</c>); challenges are polled.</summary>
internal sealed class PushBinding(PendingLookups lookups) : FactorBinding
{
    public override string Kind => FactorKinds.Push;

    public override ChallengeResponse? PollResponse => PushPollResponse.Instance;

    public override async Task<FactorReply?> BeginEnrollmentAsync(IMfaService mfa, MfaSession session, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        var request = new PushEnrollmentRequest { Name = body.String("name"), AccountLabel = body.String("accountLabel") };
        var start = await mfa.BeginEnrollmentAsync(session.User, request, cancellationToken).ConfigureAwait(false);
        if (start.Succeeded)
        {
            await lookups.SetPushEnrollmentAsync(start.EnrollmentId, session.User.Id, session.User.DisplayName, session.MfaTime, start.Prompt.ExpiresAt, cancellationToken).ConfigureAwait(false);
        }

        return Reply(start, static (json, prompt) =>
        {
            json.WriteString("enrollmentUri", prompt.EnrollmentUri);
            json.WriteString("expiresAt", prompt.ExpiresAt);
        });
    }

    /// <summary>The phone completes a push enrollment (<c>/push/v1/enroll</c>), never the browser.</summary>
    public override EnrollmentResponse? ReadEnrollmentResponse(JsonElement body) => null;

    public override async Task<FactorReply?> BeginChallengeAsync(IMfaService mfa, MfaUser user, MfaPurpose purpose, string? authenticatorId, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        var request = new PushChallengeRequest(purpose)
        {
            AuthenticatorId = authenticatorId,
            IpAddress = address,
            ClientKey = address,
            UserAgent = Truncate(context.Request.Headers.UserAgent.ToString()),
            Application = body.String("application"),
        };
        var start = await mfa.BeginChallengeAsync(user, request, cancellationToken).ConfigureAwait(false);
        return Reply(start, static (json, prompt) =>
        {
            json.WriteOptional("displayNumber", prompt.DisplayNumber);
            json.WriteString("expiresAt", prompt.ExpiresAt);
            json.WriteNumber("devicesNotified", prompt.DevicesNotified);
        });
    }

    public override ChallengeResponse? ReadChallengeResponse(JsonElement body) => PushPollResponse.Instance;

    private static string? Truncate(string value) => value.Length == 0 ? null : value.Length > 256 ? value[..256] : value;
}
