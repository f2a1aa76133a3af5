using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Specification.Factors;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Totp.Tests;

/// <summary>The factor conventions (<see cref="FactorSpecification{TEnrollmentPrompt}"/>) for TOTP.</summary>
[TestFixture]
public sealed class TotpFactorSpecificationTests : FactorSpecification<TotpEnrollmentPrompt>
{
    private byte[]? _secret;

    protected override string Kind => FactorKinds.Totp;

    /// <summary>A TOTP challenge keeps no state: the code is checked against the stored authenticator.</summary>
    protected override bool ChallengeHasState => false;

    protected override void AddFactor(IMfaBuilder mfa) => mfa.AddTotp();

    protected override EnrollmentRequest<TotpEnrollmentPrompt> EnrollmentRequest(string? name) => new TotpEnrollmentRequest { Name = name };

    protected override Task<EnrollmentResponse> AnswerEnrollmentAsync(string enrollmentId, TotpEnrollmentPrompt prompt)
    {
        RecordSecret(prompt.SecretBase32);
        Assert.That(Base32.TryDecode(prompt.SecretBase32, out var secret, out _), Is.True);
        _secret = secret;
        return Task.FromResult<EnrollmentResponse>(new TotpEnrollmentResponse(Code(Time.GetUtcNow())));
    }

    protected override Task<EnrollmentResponse> WrongEnrollmentAnswerAsync(string enrollmentId, TotpEnrollmentPrompt prompt)
    {
        RecordSecret(prompt.SecretBase32);
        Assert.That(Base32.TryDecode(prompt.SecretBase32, out var secret, out _), Is.True);
        _secret = secret;
        return Task.FromResult<EnrollmentResponse>(new TotpEnrollmentResponse(WrongCode()));
    }

    protected override ChallengeRequest ChallengeRequest(MfaPurpose purpose) => new(FactorKinds.Totp, purpose);

    protected override Task<ChallengeResponse> AnswerChallengeAsync(string challengeId, ChallengePrompt prompt)
    {
        // The enrollment code's step is spent (RFC 6238 §5.2): the authenticator shows the next one.
        Time.Advance(TimeSpan.FromSeconds(30));
        return Task.FromResult<ChallengeResponse>(new TotpChallengeResponse(Code(Time.GetUtcNow())));
    }

    protected override Task<ChallengeResponse> WrongChallengeAnswerAsync(string challengeId, ChallengePrompt prompt) =>
        Task.FromResult<ChallengeResponse>(new TotpChallengeResponse(WrongCode()));

    /// <summary>The code the enrolled app shows now.</summary>
    private string Code(DateTimeOffset at)
    {
        Assert.That(_secret, Is.Not.Null, "Enroll first.");
        var code = TotpCode.Generate(_secret!, at, TotpParameters.Default);
        RecordSecret(code);
        return code;
    }

    /// <summary>A code that matches no step of the verification window around now.</summary>
    private string WrongCode()
    {
        var now = Time.GetUtcNow();
        var near = Enumerable.Range(-3, 7).Select(i => TotpCode.Generate(_secret!, now.AddSeconds(30 * i), TotpParameters.Default)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }
}
