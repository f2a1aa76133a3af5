using Mfa.Core.Factors;
using Mfa.Duo.UniversalPrompt;

namespace Mfa.Duo;

/// <summary>
/// Completes a Universal Prompt challenge with what Duo's redirect brought back (<see cref="DuoCallback.TryParse"/>): the
/// one-time code and the state, or an error.
/// </summary>
/// <param name="code">The <c>duo_code</c> (empty when Duo returned an error).</param>
/// <param name="state">The <c>state</c> Duo echoed back.</param>
public sealed class DuoCallbackResponse(string code, string state) : ChallengeResponse
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Duo;

    /// <summary>The one-time authorization code.</summary>
    public string Code { get; } = code ?? throw new ArgumentNullException(nameof(code));

    /// <summary>The state Duo echoed back; it must equal the challenge's.</summary>
    public string State { get; } = state ?? throw new ArgumentNullException(nameof(state));

    /// <summary>Duo's <c>error</c> (for example <c>access_denied</c>) when the callback carried no code.</summary>
    public string? Error { get; init; }

    /// <summary>Builds the response from a parsed callback.</summary>
    /// <param name="callback">The parsed redirect.</param>
    /// <returns>The response.</returns>
    public static DuoCallbackResponse From(DuoCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new DuoCallbackResponse(callback.Code ?? string.Empty, callback.State ?? string.Empty) { Error = callback.Error };
    }

    /// <inheritdoc />
    public override string ToString() => $"DuoCallbackResponse {{ Code = ***, Error = {Error} }}";
}
