namespace Mfa.WebAuthn.Tests;

/// <summary>
/// The setup factor tests share: a fresh MFA host with the WebAuthn factor (<see cref="WebAuthnHarness"/>) and one
/// software authenticator for its origin, per test. A derived fixture's own <c>[SetUp]</c> runs after this one.
/// </summary>
public abstract class WebAuthnHostFixtureBase
{
    /// <summary>The MFA host.</summary>
    private protected WebAuthnHarness Host { get; private set; } = null!;

    /// <summary>A security key answering for <see cref="WebAuthnHarness.Origin"/>.</summary>
    private protected TestAuthenticator Key { get; private set; } = null!;

    [SetUp]
    public void SetUpHost()
    {
        Host = new WebAuthnHarness();
        Key = new TestAuthenticator(WebAuthnHarness.Origin);
    }

    [TearDown]
    public void TearDownHost()
    {
        Host.Dispose();
        Key.Dispose();
    }
}
