using Mfa.Duo.Http;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Duo.Failmode;

/// <summary>
/// Applies <see cref="DuoOptions.Failmode"/> the same way in both flows (spec §2.10). Call it only for the failure of the
/// first call, before the user is sent to Duo (the health check, or the Auth API's preauth); every later failure (callback
/// error, token exchange, id_token, deny, user timeout) is final and must not come here.
/// </summary>
public sealed class DuoFailmodeEvaluator
{
    private readonly DuoOptions _options;
    private readonly ILogger<DuoFailmodeEvaluator> _logger;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="options">The Duo options.</param>
    /// <param name="logger">Where fail-open and fail-closed events go.</param>
    public DuoFailmodeEvaluator(IOptions<DuoOptions> options, ILogger<DuoFailmodeEvaluator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Judges a health check: healthy → use Duo; unreachable → the failmode; rejected → deny even when open.</summary>
    /// <param name="health">The health check's result.</param>
    /// <param name="username">The user signing in (logged with a fail-open event).</param>
    /// <returns>The decision.</returns>
    public DuoFailmodeDecision Evaluate(DuoHealthCheckResult health, string username)
    {
        ArgumentNullException.ThrowIfNull(health);
        return Evaluate(health.Failure, username);
    }

    /// <summary>
    /// Judges the failure of the first call: none → use Duo; unreachable, timeout, 5xx or 429 → deny (closed) or allow
    /// without Duo (open); anything else (Duo answered and refused, malformed answers) → deny, whatever the failmode, so a
    /// wrong or rotated secret never turns 2FA off.
    /// </summary>
    /// <param name="failure">The failure.</param>
    /// <param name="username">The user signing in.</param>
    /// <returns>The decision.</returns>
    public DuoFailmodeDecision Evaluate(DuoFailureKind failure, string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (failure == DuoFailureKind.None)
        {
            return new DuoFailmodeDecision(DuoFailmodeOutcome.UseDuo, failure);
        }

        if (DuoFailures.IsUnavailable(failure) && _options.Failmode == DuoFailmode.Open)
        {
            DuoFailmodeLog.FailOpen(_logger, username, failure);
            return new DuoFailmodeDecision(DuoFailmodeOutcome.AllowWithoutDuo, failure);
        }

        DuoFailmodeLog.FailClosed(_logger, username, failure);
        return new DuoFailmodeDecision(DuoFailmodeOutcome.Deny, failure);
    }
}
