using Mfa.Totp.Encoding;

namespace Mfa.Totp.Tests.Encoding;

[TestFixture]
public sealed class Base32Tests
{
    private static IEnumerable<TestCaseData> Rows(string section)
    {
        foreach (var row in TestData.Load("totp/base32-rfc4648-section10.json")[section]!.AsArray())
        {
            yield return new TestCaseData(row!["input_ascii"]!.GetValue<string>(), row["encoded"]!.GetValue<string>())
                .SetName($"RFC 4648 §10 {section} \"{row["input_ascii"]}\"");
        }
    }

    private static IEnumerable<TestCaseData> StandardRows() => Rows("base32");

    private static IEnumerable<TestCaseData> HexRows() => Rows("base32hex");

    [TestCaseSource(nameof(StandardRows))]
    public void Encode_Rfc4648Vector_MatchesPaddedAndUnpadded(string input, string encoded)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(input);
        Assert.Multiple(() =>
        {
            Assert.That(Base32.Encode(bytes, padding: true), Is.EqualTo(encoded));
            Assert.That(Base32.Encode(bytes), Is.EqualTo(encoded.TrimEnd('=')));
        });
    }

    [TestCaseSource(nameof(StandardRows))]
    public void TryDecode_Rfc4648Vector_ReturnsInput(string input, string encoded)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Base32.TryDecode(encoded, out var padded, out _), Is.True);
            Assert.That(padded, Is.EqualTo(System.Text.Encoding.ASCII.GetBytes(input)));
            Assert.That(Base32.TryDecode(encoded.TrimEnd('='), out var unpadded, out _), Is.True);
            Assert.That(unpadded, Is.EqualTo(System.Text.Encoding.ASCII.GetBytes(input)));
        });
    }

    [TestCaseSource(nameof(HexRows))]
    public void EncodeAndDecode_Base32HexVector_RoundTrips(string input, string encoded)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(input);
        Assert.Multiple(() =>
        {
            Assert.That(Base32.Encode(bytes, padding: true, Base32Alphabet.ExtendedHex), Is.EqualTo(encoded));
            Assert.That(Base32.TryDecode(encoded, out var decoded, out _, Base32Alphabet.ExtendedHex), Is.True);
            Assert.That(decoded, Is.EqualTo(bytes));
        });
    }

    [TestCase("mzxw6ytboi")]
    [TestCase("MZXW 6YTB OI")]
    [TestCase("mzxw-6ytb-oi")]
    [TestCase("MZXW6YTBOI======")]
    public void TryDecode_TolerableForms_DecodeToFoobar(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Base32.TryDecode(text, out var bytes, out _), Is.True);
            Assert.That(bytes, Is.EqualTo("foobar"u8.ToArray()));
        });
    }

    [TestCase("MZXW6YTB0I", Description = "digit zero is not in the alphabet")]
    [TestCase("MZXW6YTB1I", Description = "digit one is not in the alphabet")]
    [TestCase("MZXW6YTB8I")]
    [TestCase("MZXW_6YTBOI")]
    [TestCase("MZXW6YTBOI!")]
    [TestCase("MZXWé6YTBOI")]
    public void TryDecode_CharacterOutsideAlphabet_FailsWithError(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Base32.TryDecode(text, out var bytes, out var error), Is.False);
            Assert.That(bytes, Is.Null);
            Assert.That(error, Does.Contain("outside the alphabet"));
        });
    }

    [TestCase("MY=A")]
    [TestCase("M=Y")]
    public void TryDecode_PaddingInTheMiddle_Fails(string text)
    {
        Assert.That(Base32.TryDecode(text, out _, out var error), Is.False);
        Assert.That(error, Is.Not.Null);
    }

    [TestCase("MY===")]
    [TestCase("MZXW6YTBOI=")]
    public void TryDecode_IncompletePadding_Fails(string text)
    {
        Assert.That(Base32.TryDecode(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("padding"));
    }

    [TestCase("M")]
    [TestCase("MZX")]
    [TestCase("MZXW6Y")]
    public void TryDecode_ImpossibleLength_Fails(string text)
    {
        Assert.That(Base32.TryDecode(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("length"));
    }

    [Test]
    public void TryDecode_HugeInput_FailsWithoutDecoding()
    {
        Assert.That(Base32.TryDecode(new string('A', Base32.MaxInputLength + 1), out _, out var error), Is.False);
        Assert.That(error, Does.Contain("longer"));
    }

    [Test]
    public void TryDecode_Error_DoesNotEchoInput()
    {
        var decoded = Base32.TryDecode("SECRETSECRET9", out _, out var error);
        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.False);
            Assert.That(error, Does.Not.Contain("SECRET"));
        });
    }

    [Test]
    public void EncodeThenDecode_RandomBytes_RoundTrip([Range(0, 40)] int length)
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
        Assert.That(Base32.TryDecode(Base32.Encode(bytes), out var decoded, out _), Is.True);
        Assert.That(decoded, Is.EqualTo(bytes));
    }
}
