using System.Net;
using Mfa.Core.Storage;
using Mfa.Testing.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>A store fault on an MFA route is a 503 problem with <c>StoreUnavailable</c>, never a 500, and is logged.</summary>
[TestFixture]
public sealed class StoreFaultTests : WebTestBase
{
    private readonly StoreFaultInjector _faults = new();

    private protected override Action<IMfaBuilder>? AddFactors => mfa =>
    {
        // The in-memory authenticator store the host registered, behind the fault injector.
        var inner = mfa.Services.Last(d => d.ServiceType == typeof(IAuthenticatorStore)).ImplementationType!;
        mfa.Services.Replace(ServiceDescriptor.Singleton<IAuthenticatorStore>(sp => _faults.Wrap((IAuthenticatorStore)ActivatorUtilities.CreateInstance(sp, inner))));
    };

    [TearDown]
    public void HealStore() => _faults.Heal();

    [Test]
    public async Task Status_StoreDown_ServiceUnavailableProblemThenRecovers()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            _faults.FailFrom(0);

            var faulted = await browser.Client.GetAsync("/mfa/status");

            await AssertProblemAsync(faulted, HttpStatusCode.ServiceUnavailable, "StoreUnavailable");
            Assert.That(Host.Logs.EventIds, Does.Contain(1213));

            _faults.Heal();
            Assert.That((await browser.Client.GetAsync("/mfa/status")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task ListAuthenticators_StoreDown_ServiceUnavailableProblem()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            _faults.FailFrom(0);

            await AssertProblemAsync(await browser.Client.GetAsync("/mfa/authenticators"), HttpStatusCode.ServiceUnavailable, "StoreUnavailable");
        }
    }
}
