using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Testing.WebAuthn;
using Mfa.WebAuthn;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Specification.Service;

/// <summary>
/// WebAuthn ceremonies through <see cref="IMfaService"/> with a <see cref="TestAuthenticator"/> (real ES256 signatures),
/// asserting that the setup steps succeed.
/// </summary>
public static class WebAuthnFlow
{
    /// <summary>The relying party every server is configured for.</summary>
    public const string RpId = "example.com";

    /// <summary>The one origin the relying party accepts.</summary>
    public const string Origin = "https://example.com";

    /// <summary>Configures the WebAuthn factor of a server for <see cref="RpId"/> and <see cref="Origin"/>.</summary>
    /// <param name="options">The options.</param>
    public static void Configure(WebAuthnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RelyingPartyId = RpId;
        options.RelyingPartyName = "Example";
        options.Origins = [Origin];
    }

    /// <summary>Enrolls <paramref name="key"/> as a security key of <paramref name="user"/>.</summary>
    /// <returns>The authenticator id.</returns>
    public static async Task<string> EnrollAsync(IMfaService mfa, MfaUser user, TestAuthenticator key)
    {
        ArgumentNullException.ThrowIfNull(mfa);
        ArgumentNullException.ThrowIfNull(key);
        var begun = await mfa.BeginEnrollmentAsync(user, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey));
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        var registration = key.Register(begun.Prompt!.OptionsJson);
        var completed = await mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId!, new WebAuthnEnrollmentResponse(registration.ToJson()));
        Assert.That(completed.Succeeded, Is.True, completed.Message);
        return completed.Authenticator!.Id;
    }

    /// <summary>Begins a sign-in challenge and has <paramref name="key"/> answer it reporting <paramref name="signCount"/>.</summary>
    /// <returns>The challenge id and the assertion (<c>AuthenticationResponseJSON</c>).</returns>
    public static async Task<(string ChallengeId, string AssertionJson)> BeginAndAssertAsync(IMfaService mfa, MfaUser user, TestAuthenticator key, uint signCount)
    {
        ArgumentNullException.ThrowIfNull(mfa);
        ArgumentNullException.ThrowIfNull(key);
        var begun = await mfa.BeginChallengeAsync(user, new WebAuthnChallengeRequest(MfaPurpose.SignIn));
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        var assertion = key.Assert(begun.Prompt!.OptionsJson);
        assertion.SignCount = signCount;
        return (begun.ChallengeId!, assertion.ToJson());
    }

    /// <summary>Completes a sign-in challenge with an assertion.</summary>
    /// <returns>The service's result.</returns>
    public static Task<MfaVerificationResult> AnswerAsync(IMfaService mfa, MfaUser user, string challengeId, string assertionJson)
    {
        ArgumentNullException.ThrowIfNull(mfa);
        return mfa.CompleteChallengeAsync(user, challengeId, MfaPurpose.SignIn, new WebAuthnChallengeResponse(assertionJson));
    }

    /// <summary>Reads the signature counter stored for a credential.</summary>
    /// <returns>The stored counter.</returns>
    public static async Task<uint> StoredSignCountAsync(IServiceProvider server, string authenticatorId)
    {
        ArgumentNullException.ThrowIfNull(server);
        var record = await server.GetRequiredService<IAuthenticatorStore>().FindByIdAsync(authenticatorId);
        Assert.That(record, Is.Not.Null);
        using var data = JsonDocument.Parse(record!.Data);
        return data.RootElement.GetProperty("signCount").GetUInt32();
    }
}
