using Microsoft.Playwright;

namespace Mfa.E2E.Tests;

/// <summary>A Chromium virtual authenticator (DevTools WebAuthn domain) attached to one page.</summary>
internal sealed record VirtualAuthenticator(ICDPSession Session, string Id)
{
    /// <summary>
    /// Whether the authenticator answers by itself. A virtual authenticator with a passkey answers the sign-in page's
    /// conditional (autofill) request at once, so tests that type a password turn it off first.
    /// </summary>
    public Task SetPresenceAsync(bool automatic) =>
        Session.SendAsync("WebAuthn.setAutomaticPresenceSimulation", new Dictionary<string, object> { ["authenticatorId"] = Id, ["enabled"] = automatic });
}
