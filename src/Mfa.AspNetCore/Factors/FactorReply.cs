using System.Text.Json;
using Mfa.Core;

namespace Mfa.AspNetCore.Factors;

/// <summary>A begun enrollment or challenge: the service's result, and on success the id, expiry and how to write the prompt.</summary>
/// <param name="Result">The service's result.</param>
/// <param name="Id">The enrollment or challenge id (on success).</param>
/// <param name="ExpiresAt">When it expires (on success).</param>
/// <param name="WritePrompt">Writes the prompt object's members (on success).</param>
/// <param name="RetryAfter">When to retry (a lockout).</param>
internal sealed record FactorReply(MfaResult Result, string? Id, DateTimeOffset ExpiresAt, Action<Utf8JsonWriter>? WritePrompt, TimeSpan? RetryAfter);
