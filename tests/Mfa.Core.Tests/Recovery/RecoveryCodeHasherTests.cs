using System.Text;
using Mfa.Core.Recovery;

namespace Mfa.Core.Tests.Recovery;

[TestFixture]
public sealed class RecoveryCodeHasherTests
{
    private static readonly byte[] s_salt = [.. Enumerable.Range(0, RecoveryCodeHasher.SaltSize).Select(i => (byte)i)];

    [TestCase(8)]
    [TestCase(10)]
    [TestCase(32)]
    public void NewCode_Length_HasThatManyAlphabetSymbols(int length)
    {
        var code = RecoveryCodeHasher.NewCode(length);

        Assert.That(code, Does.Match($"^[0-9A-HJKMNP-TV-Z]{{{length}}}$"));
    }

    [TestCase("ABCDEFGHJK", "ABCDE-FGHJK")]
    [TestCase("ABCDEFGH", "ABCDE-FGH")]
    [TestCase("ABCDEFGHJKMN", "ABCDE-FGHJK-MN")]
    [TestCase("ABCDEFGHJKMNPQRS", "ABCDE-FGHJK-MNPQR-S")]
    public void Format_Code_GroupsOfFiveJoinedByHyphens(string code, string expected)
    {
        Assert.That(RecoveryCodeHasher.Format(code), Is.EqualTo(expected));
    }

    [TestCase("ABCDE-FGHJK", "ABCDEFGHJK")]
    [TestCase("abcde-fghjk", "ABCDEFGHJK")]
    [TestCase("abcdefghjk", "ABCDEFGHJK")]
    [TestCase(" ABCDE FGHJK ", "ABCDEFGHJK")]
    [TestCase("A-B-C-D-E-F-G-H-J-K", "ABCDEFGHJK")]
    public void Normalize_TypedVariants_CanonicalCode(string typed, string expected)
    {
        Assert.That(RecoveryCodeHasher.Normalize(typed, 10), Is.EqualTo(expected));
    }

    [TestCase("ABCDEFGHJ", Description = "too short")]
    [TestCase("ABCDEFGHJKM", Description = "too long")]
    [TestCase("ABCDEFGHJI", Description = "I")]
    [TestCase("ABCDEFGHJ!", Description = "punctuation")]
    [TestCase("ABCDE\tFGHJK", Description = "tab")]
    [TestCase("ABCDE FGHJ\u212A", Description = "Kelvin sign")]
    public void Normalize_Malformed_Null(string typed)
    {
        Assert.That(RecoveryCodeHasher.Normalize(typed, 10), Is.Null);
    }

    [Test]
    public void Normalize_MoreThanThreeCharactersPerSymbol_NullWithoutScanning()
    {
        var typed = new string(' ', 31) + "ABCDEFGHJK";

        Assert.That(RecoveryCodeHasher.Normalize(typed, 10), Is.Null);
    }

    [Test]
    public void Hash_OtherSalt_OtherHash()
    {
        var otherSalt = s_salt.Reverse().ToArray();

        Assert.That(RecoveryCodeHasher.Hash("ABCDEFGHJK", otherSalt, 1_000), Is.Not.EqualTo(RecoveryCodeHasher.Hash("ABCDEFGHJK", s_salt, 1_000)));
    }

    [Test]
    public void Hash_OtherIterations_OtherHash()
    {
        Assert.That(RecoveryCodeHasher.Hash("ABCDEFGHJK", s_salt, 1_001), Is.Not.EqualTo(RecoveryCodeHasher.Hash("ABCDEFGHJK", s_salt, 1_000)));
    }

    [Test]
    public void Hash_Code_IsPbkdf2Sha256Of32Bytes()
    {
        var expected = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes("ABCDEFGHJK"), s_salt, 1_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);

        Assert.That(RecoveryCodeHasher.Hash("ABCDEFGHJK", s_salt, 1_000), Is.EqualTo(expected));
    }
}
