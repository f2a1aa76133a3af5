namespace Mfa.Sample.Web.Pages.Account;

/// <summary>One line of the "choose how to confirm it's you" list.</summary>
internal sealed record MfaChoice(string Method, string? AuthenticatorId, string Label, string KindLabel);
