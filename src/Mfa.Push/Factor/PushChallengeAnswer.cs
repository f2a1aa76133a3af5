using Mfa.Core.Factors;

namespace Mfa.Push.Factor;

/// <summary>
/// The phone's answer (approve, deny or report fraud): the <c>response</c> member of the body it posts to
/// <c>{challenges}/{cid}/response</c>, passed as received to <c>IMfaService.AnswerChallengeAsync(cid, answer)</c>.
/// </summary>
/// <param name="responseToken">The response JWS as received (verified over these bytes).</param>
public sealed class PushChallengeAnswer(string responseToken) : ChallengeAnswer
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Push;

    /// <summary>The response JWS as received.</summary>
    public string ResponseToken { get; } = responseToken ?? throw new ArgumentNullException(nameof(responseToken));

    /// <inheritdoc />
    public override string ToString() => "PushChallengeAnswer { ResponseToken = *** }";
}
