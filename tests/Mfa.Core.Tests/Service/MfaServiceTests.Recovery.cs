using System.Text;
using Mfa.Core.Diagnostics;
using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.Core.Tests.Service;

/// <summary>Recovery codes: CSPRNG codes shown once, stored as hashes, each redeemable once; regenerating voids the old set.</summary>
public sealed partial class MfaServiceTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Test]
    public async Task GenerateRecoveryCodesAsync_Defaults_TenUniqueCodesOfTenSymbolsInTwoGroups()
    {
        var result = await Service.GenerateRecoveryCodesAsync(Alice);

        Assert.That(result.Codes, Has.Count.EqualTo(10));
        Assert.That(result.Codes, Is.Unique);
        Assert.That(result.Codes, Has.All.Matches(@"^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$"));
        Assert.That(result.CreatedAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_ConfiguredCountAndLength_HonoursThem()
    {
        Use(o =>
        {
            o.RecoveryCodeCount = 3;
            o.RecoveryCodeLength = 12;
        });

        var result = await Service.GenerateRecoveryCodesAsync(Alice);

        Assert.That(result.Codes, Has.Count.EqualTo(3));
        Assert.That(result.Codes, Has.All.Matches(@"^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{2}$"));
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_ManySets_UseTheWholeAlphabet()
    {
        var symbols = new HashSet<char>();
        for (var i = 0; i < 20; i++)
        {
            foreach (var code in (await Service.GenerateRecoveryCodesAsync(Alice.JustVerified(_mfa.Time))).Codes)
            {
                symbols.UnionWith(code.Replace("-", string.Empty, StringComparison.Ordinal));
            }
        }

        // 2,000 symbols drawn uniformly from 32: every symbol appears (a miss has probability about 32 * (31/32)^2000 < 1e-26).
        Assert.That(symbols, Is.EquivalentTo(Alphabet));
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_TwoUsers_DifferentCodes()
    {
        var alice = await Service.GenerateRecoveryCodesAsync(Alice);
        var bob = await Service.GenerateRecoveryCodesAsync(Bob);

        Assert.That(alice.Codes.Intersect(bob.Codes), Is.Empty);
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_Always_StoresNoPlaintextCode()
    {
        var store = new RecordingRecoveryCodeStore();
        Use(services: s => s.Replace(ServiceDescriptor.Singleton<IRecoveryCodeStore>(store)));

        var result = await Service.GenerateRecoveryCodesAsync(Alice);

        Assert.That(store.StoredBytes, Has.Count.EqualTo(11), "one salt and ten hashes");
        foreach (var code in result.Codes)
        {
            foreach (var form in new[] { code, code.Replace("-", string.Empty, StringComparison.Ordinal) })
            {
                var plaintext = Encoding.ASCII.GetBytes(form);
                Assert.That(store.StoredBytes.Any(b => b.AsSpan().IndexOf(plaintext) >= 0), Is.False, "a stored value contains a code");
            }
        }

        Assert.That(store.StoredBytes.Skip(1), Has.All.Length.EqualTo(32), "hashes are 32-byte PBKDF2-SHA256 outputs");
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_Always_ResultToStringHasNoCode()
    {
        var result = await Service.GenerateRecoveryCodesAsync(Alice);

        Assert.That(result.ToString(), Does.Not.Contain(result.Codes[0]));
        Assert.That(_mfa.Logs.Entries.SelectMany(e => e.Texts()), Has.None.Contains(result.Codes[0]));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_FormattedCode_SucceedsForUserAndPurpose()
    {
        var codes = await Service.GenerateRecoveryCodesAsync(Alice);

        var result = await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[3], MfaPurpose.SignIn);

        Assert.That(result.Proves(Alice.Id, MfaPurpose.SignIn), Is.True);
        Assert.That(result.Proves(Alice.Id, MfaPurpose.StepUp("password-change")), Is.False);
        Assert.That(result.Kind, Is.EqualTo("recovery-code"));
        Assert.That(result.VerifiedAt, Is.EqualTo(_mfa.Time.GetUtcNow()));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_LowercaseWithoutHyphen_Succeeds()
    {
        var codes = await Service.GenerateRecoveryCodesAsync(Alice);
        var typed = codes.Codes[0].Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

        var result = await Service.RedeemRecoveryCodeAsync(Alice, typed, MfaPurpose.SignIn);

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_WithSpaces_Succeeds()
    {
        var codes = await Service.GenerateRecoveryCodesAsync(Alice);
        var typed = " " + codes.Codes[0].Replace("-", " ", StringComparison.Ordinal) + " ";

        var result = await Service.RedeemRecoveryCodeAsync(Alice, typed, MfaPurpose.SignIn);

        Assert.That(result.Succeeded, Is.True);
    }

    [TestCase("ABCDE-FGHJ", Description = "one symbol short")]
    [TestCase("ABCDE-FGHJKM", Description = "one symbol long")]
    [TestCase("ABCDE-FGHJI", Description = "I is not in the alphabet")]
    [TestCase("ABCDE-FGHJL", Description = "L is not in the alphabet")]
    [TestCase("ABCDE-FGHJO", Description = "O is not in the alphabet")]
    [TestCase("ABCDE-FGHJU", Description = "U is not in the alphabet")]
    [TestCase("ABCDE_FGHJK", Description = "underscore")]
    [TestCase("ABCDE-FGHJ\u00C9", Description = "non-ASCII letter")]
    [TestCase("", Description = "empty")]
    public async Task RedeemRecoveryCodeAsync_Malformed_MalformedInput(string typed)
    {
        await Service.GenerateRecoveryCodesAsync(Alice);

        var result = await Service.RedeemRecoveryCodeAsync(Alice, typed, MfaPurpose.SignIn);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That((await Service.GetStatusAsync(Alice)).RecoveryCodesRemaining, Is.EqualTo(10));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_HugeInput_MalformedInput()
    {
        await Service.GenerateRecoveryCodesAsync(Alice);

        var result = await Service.RedeemRecoveryCodeAsync(Alice, new string('A', 1_000_000), MfaPurpose.SignIn);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_WellFormedButUnknown_InvalidRecoveryCode()
    {
        await Service.GenerateRecoveryCodesAsync(Alice);

        var result = await Service.RedeemRecoveryCodeAsync(Alice, "00000-00000", MfaPurpose.SignIn);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidRecoveryCode));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_NoSetGenerated_InvalidRecoveryCode()
    {
        var result = await Service.RedeemRecoveryCodeAsync(Alice, "00000-00000", MfaPurpose.SignIn);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidRecoveryCode));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_AnotherUsersCode_InvalidRecoveryCodeAndKept()
    {
        await Service.GenerateRecoveryCodesAsync(Alice);
        var bobs = await Service.GenerateRecoveryCodesAsync(Bob);

        var stolen = await Service.RedeemRecoveryCodeAsync(Alice, bobs.Codes[0], MfaPurpose.SignIn);
        var owner = await Service.RedeemRecoveryCodeAsync(Bob, bobs.Codes[0], MfaPurpose.SignIn);

        Assert.That(stolen.FailureReason, Is.EqualTo(MfaFailureReason.InvalidRecoveryCode));
        Assert.That(owner.Succeeded, Is.True);
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_UsedCode_InvalidRecoveryCode()
    {
        var codes = await Service.GenerateRecoveryCodesAsync(Alice);
        await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[0], MfaPurpose.SignIn);

        var second = await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[0], MfaPurpose.SignIn);

        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.InvalidRecoveryCode));
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_OneCodeUsed_OthersStillWork()
    {
        var codes = await Service.GenerateRecoveryCodesAsync(Alice);
        await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[0], MfaPurpose.SignIn);

        var next = await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[1], MfaPurpose.SignIn);

        Assert.That(next.Succeeded, Is.True);
    }

    [Test]
    public async Task RedeemRecoveryCodeAsync_ThirtyTwoConcurrentRedemptionsOfOneCode_ExactlyOneSucceeds()
    {
        var codes = await Service.GenerateRecoveryCodesAsync(Alice);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[0], MfaPurpose.SignIn))));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.FailureReason), Has.All.AnyOf(MfaFailureReason.InvalidRecoveryCode, MfaFailureReason.LockedOut));
        Assert.That((await Service.GetStatusAsync(Alice)).RecoveryCodesRemaining, Is.EqualTo(9));
    }

    [Test]
    public async Task GenerateRecoveryCodesAsync_Regenerated_OldCodesVoidNewCodesWork()
    {
        var old = await Service.GenerateRecoveryCodesAsync(Alice);
        var fresh = await Service.GenerateRecoveryCodesAsync(Alice.JustVerified(_mfa.Time));

        var oldResult = await Service.RedeemRecoveryCodeAsync(Alice, old.Codes[0], MfaPurpose.SignIn);
        var freshResult = await Service.RedeemRecoveryCodeAsync(Alice, fresh.Codes[0], MfaPurpose.SignIn);

        Assert.That(oldResult.FailureReason, Is.EqualTo(MfaFailureReason.InvalidRecoveryCode));
        Assert.That(freshResult.Succeeded, Is.True);
        Assert.That(_mfa.Logs.Entries.Count(e => e.EventId.Id == MfaEventIds.RecoveryCodesGenerated), Is.EqualTo(2));
    }

    [Test]
    public async Task GetStatusAsync_CodesRedeemed_CountsRemaining()
    {
        var codes = await Service.GenerateRecoveryCodesAsync(Alice);
        await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[0], MfaPurpose.SignIn);
        await Service.RedeemRecoveryCodeAsync(Alice, codes.Codes[1], MfaPurpose.SignIn);

        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.RecoveryCodesRemaining, Is.EqualTo(8));
    }

    [Test]
    public async Task GetStatusAsync_NoSet_NoRecoveryCodes()
    {
        var status = await Service.GetStatusAsync(Alice);

        Assert.That(status.RecoveryCodesRemaining, Is.Zero);
    }
}
