using System.Text.Json;
using Mfa.Core;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>One checked browser call: antiforgery (state-changing methods), the session, and the JSON body.</summary>
/// <param name="Http">The request.</param>
/// <param name="Env">The services.</param>
/// <param name="Session">The caller's session.</param>
/// <param name="Body">The JSON body (an empty object for a GET or DELETE).</param>
internal sealed record MfaCall(HttpContext Http, MfaEnvironment Env, MfaSession Session, JsonElement Body)
{
    private static readonly JsonElement s_empty = JsonDocument.Parse("{}").RootElement.Clone();

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>Checks the request; on refusal the problem is written and the result is <see langword="null"/>.</summary>
    public static async Task<MfaCall?> StartAsync(HttpContext context, bool allowPending, bool readBody = true)
    {
        var env = MfaEnvironment.Of(context);
        if (!await AntiforgeryPassesAsync(context, env).ConfigureAwait(false))
        {
            return null;
        }

        var session = await MfaSessions.ResolveAsync(context, env.Options, allowPending).ConfigureAwait(false);
        if (session is null)
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.NotAuthenticated).ConfigureAwait(false);
            return null;
        }

        var body = s_empty;
        if (readBody)
        {
            if (await JsonBody.ReadObjectAsync(context).ConfigureAwait(false) is not { } read)
            {
                await MfaProblems.WriteAsync(context, MfaFailureReason.MalformedInput).ConfigureAwait(false);
                return null;
            }

            body = read;
        }

        return new MfaCall(context, env, session, body);
    }

    /// <summary>GET and HEAD pass; any other method needs a valid antiforgery token (the refusal is written).</summary>
    public static async Task<bool> AntiforgeryPassesAsync(HttpContext context, MfaEnvironment env)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return true;
        }

        if (await env.Antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return true;
        }

        await MfaProblems.WriteAsync(context, MfaFailureReason.AntiforgeryRejected).ConfigureAwait(false);
        return false;
    }

    /// <summary>Writes a problem and returns <see langword="null"/>-friendly completion.</summary>
    public Task FailAsync(MfaFailureReason reason, TimeSpan? retryAfter = null) => MfaProblems.WriteAsync(Http, reason, retryAfter);

    /// <summary>The purpose of a challenge: sign-in from a pending session; from a full session the body's, else <c>step-up:session</c>.</summary>
    public MfaPurpose? Purpose() => Purpose(Body.String("purpose"));

    /// <summary>The purpose of a challenge from <paramref name="text"/> (a query's, for a GET): as <see cref="Purpose()"/>.</summary>
    public MfaPurpose? Purpose(string? text)
    {
        if (Session.IsPending)
        {
            return MfaPurpose.SignIn;
        }

        if (text is { Length: 0 })
        {
            text = null;
        }

        if (text is null)
        {
            return MfaPurpose.StepUp("session");
        }

        try
        {
            return MfaPurpose.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
