using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Specification.Factors;
using Mfa.Totp.Codes;
using Mfa.Totp.CounterBased;
using Mfa.Totp.Encoding;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Totp.Tests.CounterBased;

/// <summary>The factor conventions (<see cref="FactorSpecification{TEnrollmentPrompt}"/>) for HOTP.</summary>
[TestFixture]
public sealed class HotpFactorSpecificationTests : FactorSpecification<HotpEnrollmentPrompt>
{
    private byte[]? _secret;
    private long _nextCounter;

    protected override string Kind => FactorKinds.Hotp;

    protected override void AddFactor(IMfaBuilder mfa) => mfa.AddHotp();

    protected override EnrollmentRequest<HotpEnrollmentPrompt> EnrollmentRequest(string? name) => new HotpEnrollmentRequest { Name = name };

    protected override Task<EnrollmentResponse> AnswerEnrollmentAsync(string enrollmentId, HotpEnrollmentPrompt prompt)
    {
        Load(prompt);
        return Task.FromResult<EnrollmentResponse>(new HotpEnrollmentResponse(NextCode()));
    }

    protected override Task<EnrollmentResponse> WrongEnrollmentAnswerAsync(string enrollmentId, HotpEnrollmentPrompt prompt)
    {
        Load(prompt);
        return Task.FromResult<EnrollmentResponse>(new HotpEnrollmentResponse(WrongCode()));
    }

    protected override ChallengeRequest ChallengeRequest(MfaPurpose purpose) => new(FactorKinds.Hotp, purpose);

    /// <summary>The token's button pressed once more: the code of the next counter.</summary>
    protected override Task<ChallengeResponse> AnswerChallengeAsync(string challengeId, ChallengePrompt prompt) =>
        Task.FromResult<ChallengeResponse>(new HotpChallengeResponse(NextCode()));

    protected override Task<ChallengeResponse> WrongChallengeAnswerAsync(string challengeId, ChallengePrompt prompt) =>
        Task.FromResult<ChallengeResponse>(new HotpChallengeResponse(WrongCode()));

    private void Load(HotpEnrollmentPrompt prompt)
    {
        RecordSecret(prompt.SecretBase32);
        Assert.That(Base32.TryDecode(prompt.SecretBase32, out var secret, out _), Is.True);
        _secret = secret;
        _nextCounter = prompt.Counter;
    }

    private string NextCode()
    {
        Assert.That(_secret, Is.Not.Null, "Enroll first.");
        var code = Hotp.Format(Hotp.ComputeCode(_secret!, _nextCounter++, TotpAlgorithm.Sha1, 6), 6);
        RecordSecret(code);
        return code;
    }

    /// <summary>A code that matches no counter of the resynchronisation window (and so none of the look-ahead).</summary>
    private string WrongCode()
    {
        var near = Enumerable.Range(0, 200).Select(i => Hotp.Format(Hotp.ComputeCode(_secret!, i, TotpAlgorithm.Sha1, 6), 6)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }
}
