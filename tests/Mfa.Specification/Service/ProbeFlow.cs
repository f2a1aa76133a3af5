using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;

namespace Mfa.Specification.Service;

/// <summary>The probe factor's steps through <see cref="IMfaService"/>, asserting that the setup steps succeed.</summary>
public static class ProbeFlow
{
    /// <summary>Enrolls a probe authenticator.</summary>
    /// <returns>Its id.</returns>
    public static async Task<string> EnrollAsync(IMfaService mfa, MfaUser user)
    {
        ArgumentNullException.ThrowIfNull(mfa);
        var begun = await mfa.BeginEnrollmentAsync(user, new ProbeEnrollmentRequest());
        var completed = await mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId!, new ProbeEnrollmentResponse());
        Assert.That(completed.Succeeded, Is.True, completed.Message);
        return completed.Authenticator!.Id;
    }

    /// <summary>Begins a sign-in challenge.</summary>
    /// <returns>The challenge id and the nonce that answers it.</returns>
    public static async Task<(string ChallengeId, ReadOnlyMemory<byte> Nonce)> BeginAsync(IMfaService mfa, MfaUser user)
    {
        ArgumentNullException.ThrowIfNull(mfa);
        var challenge = await mfa.BeginChallengeAsync(user, new ChallengeRequest(ProbeFactor.FactorKind, MfaPurpose.SignIn));
        Assert.That(challenge.Succeeded, Is.True, challenge.Message);
        return (challenge.ChallengeId!, ((ProbeChallengePrompt)challenge.Prompt!).Nonce);
    }

    /// <summary>Completes a sign-in challenge with an answer (the nonce succeeds, anything else fails).</summary>
    /// <returns>The result.</returns>
    public static Task<MfaVerificationResult> AnswerAsync(IMfaService mfa, MfaUser user, string challengeId, ReadOnlyMemory<byte> answer)
    {
        ArgumentNullException.ThrowIfNull(mfa);
        return mfa.CompleteChallengeAsync(user, challengeId, MfaPurpose.SignIn, new ProbeChallengeResponse(answer));
    }
}
