using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Specification.Factors;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.WebAuthn.Tests;

/// <summary>
/// The factor conventions (<see cref="FactorSpecification{TEnrollmentPrompt}"/>) for WebAuthn, with a software
/// authenticator. Its private key never leaves it; the secret material checked is each assertion's signature.
/// </summary>
[TestFixture]
public sealed class WebAuthnFactorSpecificationTests : FactorSpecification<WebAuthnEnrollmentPrompt>
{
    private TestAuthenticator _key = null!;

    protected override string Kind => FactorKinds.WebAuthn;

    protected override bool FailedEnrollmentCanBeRetried => false;

    [SetUp]
    public void SetUpKey() => _key = new TestAuthenticator(WebAuthnHarness.Origin);

    [TearDown]
    public void TearDownKey() => _key.Dispose();

    protected override void AddFactor(IMfaBuilder mfa) => mfa.AddWebAuthn(o =>
    {
        o.RelyingPartyId = WebAuthnHarness.RpId;
        o.RelyingPartyName = "Example";
        o.Origins = [WebAuthnHarness.Origin];
    });

    protected override EnrollmentRequest<WebAuthnEnrollmentPrompt> EnrollmentRequest(string? name) =>
        new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey) { Name = name };

    protected override Task<EnrollmentResponse> AnswerEnrollmentAsync(string enrollmentId, WebAuthnEnrollmentPrompt prompt) =>
        Task.FromResult<EnrollmentResponse>(new WebAuthnEnrollmentResponse(_key.Register(prompt.OptionsJson).ToJson()));

    protected override Task<EnrollmentResponse> WrongEnrollmentAnswerAsync(string enrollmentId, WebAuthnEnrollmentPrompt prompt)
    {
        var ceremony = _key.Register(prompt.OptionsJson);
        ceremony.Origin = "https://evil.example";
        return Task.FromResult<EnrollmentResponse>(new WebAuthnEnrollmentResponse(ceremony.ToJson()));
    }

    protected override ChallengeRequest ChallengeRequest(MfaPurpose purpose) => new WebAuthnChallengeRequest(purpose);

    protected override Task<ChallengeResponse> AnswerChallengeAsync(string challengeId, ChallengePrompt prompt) =>
        Task.FromResult<ChallengeResponse>(Assertion(prompt, corrupt: false));

    protected override Task<ChallengeResponse> WrongChallengeAnswerAsync(string challengeId, ChallengePrompt prompt) =>
        Task.FromResult<ChallengeResponse>(Assertion(prompt, corrupt: true));

    private WebAuthnChallengeResponse Assertion(ChallengePrompt prompt, bool corrupt)
    {
        Assert.That(prompt, Is.InstanceOf<WebAuthnChallengePrompt>());
        var ceremony = _key.Assert(((WebAuthnChallengePrompt)prompt).OptionsJson);
        ceremony.CorruptSignature = corrupt;
        var json = ceremony.ToJson();
        using (var document = JsonDocument.Parse(json))
        {
            RecordSecret(document.RootElement.GetProperty("response").GetProperty("signature").GetString()!);
        }

        return new WebAuthnChallengeResponse(json);
    }
}
