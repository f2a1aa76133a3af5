using System.Text.Json;
using Mfa.AspNetCore.Endpoints;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Factors;

/// <summary>
/// Maps one factor's typed requests, prompts and responses to and from JSON. The factor packages stay free of ASP.NET:
/// the web package holds one binding per factor kind it knows.
/// </summary>
internal abstract class FactorBinding
{
    /// <summary>The factor kind (<see cref="FactorKinds"/>).</summary>
    public abstract string Kind { get; }

    /// <summary>The response a long poll sends for an out-of-band factor, or <see langword="null"/> when the factor is not polled.</summary>
    public virtual ChallengeResponse? PollResponse => null;

    /// <summary>Begins an enrollment from the request JSON; <see langword="null"/> when the JSON does not fit.</summary>
    public abstract Task<FactorReply?> BeginEnrollmentAsync(IMfaService mfa, MfaSession session, JsonElement body, HttpContext context, CancellationToken cancellationToken);

    /// <summary>Reads the enrollment response; <see langword="null"/> when the JSON does not fit (or the factor completes elsewhere).</summary>
    public abstract EnrollmentResponse? ReadEnrollmentResponse(JsonElement body);

    /// <summary>Begins a challenge; <see langword="null"/> when the JSON does not fit.</summary>
    public virtual async Task<FactorReply?> BeginChallengeAsync(IMfaService mfa, MfaUser user, MfaPurpose purpose, string? authenticatorId, JsonElement body, HttpContext context, CancellationToken cancellationToken)
    {
        var start = await mfa.BeginChallengeAsync(user, new ChallengeRequest(Kind, purpose) { AuthenticatorId = authenticatorId }, cancellationToken).ConfigureAwait(false);
        return Reply(start, static (_, _) => { });
    }

    /// <summary>
    /// Reads an import of an existing authenticator (no code needed: the secret comes from the token's vendor);
    /// <see langword="null"/> when the JSON does not fit or the factor imports nothing through the web.
    /// </summary>
    public virtual AuthenticatorImport? ReadImport(JsonElement body) => null;

    /// <summary>Whether the web offers <see cref="ReadImport"/> for this factor.</summary>
    public virtual bool CanImport => false;

    /// <summary>Reads the challenge response; <see langword="null"/> when the JSON does not fit.</summary>
    public abstract ChallengeResponse? ReadChallengeResponse(JsonElement body);

    /// <summary>The reply of a begun enrollment.</summary>
    protected static FactorReply Reply<TPrompt>(MfaEnrollmentStart<TPrompt> start, Action<Utf8JsonWriter, TPrompt> write)
        where TPrompt : EnrollmentPrompt =>
        start.Succeeded
            ? new FactorReply(start, start.EnrollmentId, start.ExpiresAt, json => write(json, start.Prompt), null)
            : new FactorReply(start, null, default, null, start.RetryAfter);

    /// <summary>The reply of a begun challenge (the poll interval is written for every prompt that has one).</summary>
    protected static FactorReply Reply<TPrompt>(MfaChallengeStart<TPrompt> start, Action<Utf8JsonWriter, TPrompt> write)
        where TPrompt : ChallengePrompt =>
        start.Succeeded
            ? new FactorReply(start, start.ChallengeId, start.ExpiresAt, json =>
            {
                write(json, start.Prompt);
                if (start.Prompt.PollInterval is { } interval)
                {
                    json.WriteNumber("pollIntervalMs", (long)interval.TotalMilliseconds);
                }
            }, null)
            : new FactorReply(start, null, default, null, start.RetryAfter);

    /// <summary>A string member that must be present and non-empty.</summary>
    protected static string? Required(JsonElement body, string name) => body.String(name) is { Length: > 0 } value ? value : null;
}
