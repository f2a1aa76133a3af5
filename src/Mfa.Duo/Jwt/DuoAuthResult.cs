namespace Mfa.Duo.Jwt;

/// <summary>The id_token's <c>auth_result</c>.</summary>
/// <param name="Result"><c>allow</c> or <c>deny</c> (the only member decisions may rest on).</param>
/// <param name="Status">An open-ended detail, e.g. <c>allow</c>.</param>
/// <param name="StatusMessage">Untrusted display text from Duo, control characters removed; HTML-encode before showing.</param>
public sealed record DuoAuthResult(string? Result, string? Status, string? StatusMessage);
