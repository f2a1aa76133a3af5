using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests.Parsing;

[TestFixture]
public sealed class AttestationObjectTests
{
    private static readonly byte[] s_authData = TestCbor.AuthData(TestCbor.EncodeKey(ECDsa.Create(ECCurve.NamedCurves.nistP256), -7));
    private static readonly byte[] s_emptyMap = [0xA0];

    private static void AssertMalformed(byte[] encoded)
    {
        Assert.That(AttestationObject.TryParse(encoded, out var value, out var failure), Is.False);
        Assert.That((value, failure), Is.EqualTo(((AttestationObject?)null, MfaFailureReason.MalformedInput)));
    }

    [Test]
    public void TryParse_Valid_SlicesStatementAndParsesAuthData()
    {
        byte[] statement = TestCbor.Map((TestCbor.Text("alg"), TestCbor.Int(-7)));
        var encoded = TestCbor.AttestationObject("packed", statement, s_authData);

        Assert.That(AttestationObject.TryParse(encoded, out var value, out var failure), Is.True);
        Assert.That(failure, Is.EqualTo(MfaFailureReason.None));
        Assert.That(value!.Format, Is.EqualTo("packed"));
        Assert.That(value.Statement.ToArray(), Is.EqualTo(statement));
        Assert.That(value.AuthenticatorData.Raw.ToArray(), Is.EqualTo(s_authData));
    }

    [Test]
    public void TryParse_NonCanonicalKeyOrder_Succeeds()
    {
        // fmt, authData, attStmt: the order some real authenticators emit (reg-fido2netlib-packed-feitian-biopass).
        var encoded = TestCbor.Map(
            (TestCbor.Text("fmt"), TestCbor.Text("none")), (TestCbor.Text("authData"), TestCbor.Bytes(s_authData)), (TestCbor.Text("attStmt"), TestCbor.Encoded(s_emptyMap)));

        Assert.That(AttestationObject.TryParse(encoded, out var value, out _), Is.True);
        Assert.That(value!.Format, Is.EqualTo("none"));
    }

    [Test]
    public void TryParse_Empty_IsMalformed() => AssertMalformed([]);

    [Test]
    public void TryParse_EmptyMap_IsMalformed() => AssertMalformed(s_emptyMap);

    [Test]
    public void TryParse_NotAMap_IsMalformed() => AssertMalformed([0x83, 0x01, 0x02, 0x03]);

    [Test]
    public void TryParse_TrailingByte_IsMalformed() => AssertMalformed([.. TestCbor.AttestationObject("none", s_emptyMap, s_authData), 0x00]);

    [Test]
    public void TryParse_DuplicateKey_IsMalformed() => AssertMalformed(TestCbor.Map(
        (TestCbor.Text("fmt"), TestCbor.Text("none")), (TestCbor.Text("fmt"), TestCbor.Text("none")),
        (TestCbor.Text("attStmt"), TestCbor.Encoded(s_emptyMap)), (TestCbor.Text("authData"), TestCbor.Bytes(s_authData))));

    [Test]
    public void TryParse_UnknownKey_IsMalformed() => AssertMalformed(TestCbor.Map(
        (TestCbor.Text("fmt"), TestCbor.Text("none")), (TestCbor.Text("attStmt"), TestCbor.Encoded(s_emptyMap)),
        (TestCbor.Text("authData"), TestCbor.Bytes(s_authData)), (TestCbor.Text("extra"), TestCbor.Int(1))));

    [Test]
    public void TryParse_IntegerKey_IsMalformed() => AssertMalformed(TestCbor.Map(
        (TestCbor.Int(1), TestCbor.Text("none")), (TestCbor.Text("attStmt"), TestCbor.Encoded(s_emptyMap)), (TestCbor.Text("authData"), TestCbor.Bytes(s_authData))));

    [Test]
    public void TryParse_MissingAuthData_IsMalformed() => AssertMalformed(TestCbor.Map(
        (TestCbor.Text("fmt"), TestCbor.Text("none")), (TestCbor.Text("attStmt"), TestCbor.Encoded(s_emptyMap))));

    [Test]
    public void TryParse_FormatNotText_IsMalformed() => AssertMalformed(TestCbor.Map(
        (TestCbor.Text("fmt"), TestCbor.Int(1)), (TestCbor.Text("attStmt"), TestCbor.Encoded(s_emptyMap)), (TestCbor.Text("authData"), TestCbor.Bytes(s_authData))));

    [TestCase("")]
    [TestCase("pa cked")]
    [TestCase("packed\n")]
    [TestCase("a-format-identifier-that-is-far-too-long")]
    public void TryParse_InvalidFormatIdentifier_IsMalformed(string format) =>
        AssertMalformed(TestCbor.AttestationObject(format, s_emptyMap, s_authData));

    [Test]
    public void TryParse_StatementNotAMap_IsMalformed() => AssertMalformed(TestCbor.AttestationObject("packed", [0x01], s_authData));

    [Test]
    public void TryParse_StatementArrayForPacked_IsMalformed() => AssertMalformed(TestCbor.AttestationObject("packed", [0x80], s_authData));

    [Test]
    public void TryParse_StatementArrayForCompound_Succeeds()
    {
        byte[] statement = [0x82, 0xA0, 0xA0];

        Assert.That(AttestationObject.TryParse(TestCbor.AttestationObject("compound", statement, s_authData), out var value, out _), Is.True);
        Assert.That(value!.Statement.ToArray(), Is.EqualTo(statement));
    }

    [Test]
    public void TryParse_StatementMapForCompound_IsMalformed() => AssertMalformed(TestCbor.AttestationObject("compound", s_emptyMap, s_authData));

    [Test]
    public void TryParse_DeeplyNestedStatement_IsMalformed()
    {
        // {"x": [[[[ ... 0 ]]]]}: 10,000 levels, well past the bound, no stack overflow.
        byte[] statement = [0xA1, 0x61, (byte)'x', .. Enumerable.Repeat((byte)0x81, 10_000), 0x00];

        AssertMalformed(TestCbor.AttestationObject("packed", statement, s_authData));
    }

    [Test]
    public void TryParse_ByteStringDeclaring4GiB_IsMalformedWithoutAllocating()
    {
        // authData declared as a byte string of 2^32 bytes (0x5B + 8-byte length) with 4 bytes present.
        byte[] encoded = [0xA3, 0x63, .. "fmt"u8, 0x64, .. "none"u8, 0x67, .. "attStmt"u8, 0xA0, 0x68, .. "authData"u8,
            0x5B, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04];
        var before = GC.GetAllocatedBytesForCurrentThread();

        AssertMalformed(encoded);

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1_000_000));
    }

    [Test]
    public void TryParse_MapDeclaringBillionsOfEntries_IsMalformed() =>
        AssertMalformed([0xBB, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x63, .. "fmt"u8]);

    [Test]
    public void TryParse_AuthDataWithoutAttestedCredential_IsMalformed()
    {
        var authData = s_authData[..37];
        authData[32] = 0x05;

        AssertMalformed(TestCbor.AttestationObject("none", s_emptyMap, authData));
    }

    [Test]
    public void TryParse_MalformedAuthData_IsMalformed() => AssertMalformed(TestCbor.AttestationObject("none", s_emptyMap, [.. s_authData, 0x00]));

    [Test]
    public void TryParse_InvalidUtf8Format_IsMalformed() =>
        AssertMalformed([0xA3, 0x63, .. "fmt"u8, 0x62, 0xC3, 0x28, 0x67, .. "attStmt"u8, 0xA0, 0x68, .. "authData"u8, 0x40]);
}
