namespace Mfa.Duo.AuthApi;

/// <summary>The answer of <c>ping</c> or <c>check</c>: Duo's clock (compare it with ours to detect skew).</summary>
/// <param name="Time">Duo's time.</param>
public sealed record DuoPingResponse(DateTimeOffset Time);
