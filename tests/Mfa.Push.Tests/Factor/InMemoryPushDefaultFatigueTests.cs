using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Push.Tests.Factor;

/// <summary>The default anti-fatigue counters on the in-memory stores.</summary>
[TestFixture]
public sealed class InMemoryPushDefaultFatigueTests : PushDefaultFatigueTests
{
    protected override void UseStore(IMfaBuilder mfa) => mfa.UseInMemoryStores();
}
