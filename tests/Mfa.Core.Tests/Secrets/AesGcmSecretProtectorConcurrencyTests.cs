using System.Security.Cryptography;
using Mfa.Core.Secrets;
using Mfa.Testing;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Tests.Secrets;

[TestFixture]
public sealed class AesGcmSecretProtectorConcurrencyTests
{
    [Test]
    public async Task Unprotect_ManyThreadsAtOnce_EveryCallRoundTrips()
    {
        // The protector is a singleton that every concurrent sign-in uses.
        using var protector = new AesGcmSecretProtector(Options.Create(new MfaOptions { SecretKey = TestKeys.SecretKey }));
        var secrets = Enumerable.Range(0, 16).Select(_ => RandomNumberGenerator.GetBytes(20)).ToArray();
        var protectedSecrets = secrets.Select((s, i) => protector.Protect(s, "p" + i)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            for (var round = 0; round < 2000; round++)
            {
                var again = protector.Protect(secrets[i], "p" + i);
                if (!protector.Unprotect(protectedSecrets[i], "p" + i).AsSpan().SequenceEqual(secrets[i])
                    || !protector.Unprotect(again, "p" + i).AsSpan().SequenceEqual(secrets[i]))
                {
                    return false;
                }
            }

            return true;
        })));

        Assert.That(results, Is.All.True);
    }
}
