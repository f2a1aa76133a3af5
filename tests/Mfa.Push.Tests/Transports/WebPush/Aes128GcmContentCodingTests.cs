using System.Text;
using Mfa.Push.Transports.WebPush;
using static Mfa.Push.Tests.Transports.TransportTestData;

namespace Mfa.Push.Tests.Transports.WebPush;

[TestFixture]
public sealed class Aes128GcmContentCodingTests
{
    [TestCase("rfc8188-section-3.1.json")]
    [TestCase("rfc8188-section-3.2.json")]
    public void Decrypt_Rfc8188Example_YieldsThePlaintext(string file)
    {
        var vector = Load(file);
        var failure = Aes128GcmContentCoding.Decrypt(B64(vector["outputs"]!["body"]), B64(vector["inputs"]!["ikm"]), out var content);
        Assert.That(failure, Is.EqualTo(WebPushCryptoFailure.None));
        Assert.That(Encoding.UTF8.GetString(content), Is.EqualTo(Text(vector["inputs"]!["plaintext_utf8"])));
    }

    [TestCase("rfc8188-section-3.1.json")]
    [TestCase("rfc8188-section-3.2.json")]
    public void DeriveKeys_Rfc8188Example_PrkCekAndNoncesMatch(string file)
    {
        var vector = Load(file);
        var keys = Aes128GcmContentCoding.DeriveKeys(B64(vector["inputs"]!["ikm"]), B64(vector["inputs"]!["salt"]));
        var intermediate = vector["intermediate"]!;
        Assert.Multiple(() =>
        {
            Assert.That(keys.Prk, Is.EqualTo(B64(intermediate["prk"])));
            Assert.That(keys.Cek, Is.EqualTo(B64(intermediate["cek"])));
            foreach (var record in vector["records"]!.AsArray())
            {
                Assert.That(Aes128GcmContentCoding.RecordNonce(keys.Nonce, (long)record!["seq"]!), Is.EqualTo(B64(record["nonce"])));
            }
        });
    }

    [TestCase("rfc8188-section-3.1.json")]
    [TestCase("rfc8188-section-3.2.json")]
    public void Encrypt_Rfc8188ExampleRecords_ReproducesTheBody(string file)
    {
        var vector = Load(file);
        var inputs = vector["inputs"]!;
        var records = vector["records"]!.AsArray()
            .Select(r => Aes128GcmContentCoding.PadRecord(
                Encoding.UTF8.GetBytes(Text(r!["content_utf8"])), last: (int)r["delimiter"]! == 2, (int)r["zero_padding_octets"]!))
            .ToList();
        Assert.That(records.Select(Convert.ToHexStringLower), Is.EqualTo(vector["records"]!.AsArray().Select(r => Text(r!["padded_plaintext_hex"]))));
        var body = Aes128GcmContentCoding.Encrypt(
            B64(inputs["ikm"]), B64(inputs["salt"]), Encoding.UTF8.GetBytes(Text(inputs["keyid_utf8"])), (int)inputs["rs"]!, records);
        Assert.That(body, Is.EqualTo(B64(vector["outputs"]!["body"])));
    }

    [Test]
    public void Decrypt_Rfc8188MultiRecordWithLastRecordDropped_IsInvalidPadding()
    {
        // Truncation after a full record: the remaining record ends with delimiter 1, not 2.
        var vector = Load("rfc8188-section-3.2.json");
        var body = B64(vector["outputs"]!["body"]);
        var failure = Aes128GcmContentCoding.Decrypt(body.AsSpan(0, body.Length - 25), B64(vector["inputs"]!["ikm"]), out _);
        Assert.That(failure, Is.EqualTo(WebPushCryptoFailure.InvalidPadding));
    }

    [Test]
    public void Decrypt_Rfc8188RecordsSwapped_IsNotAuthentic()
    {
        var vector = Load("rfc8188-section-3.2.json");
        var body = B64(vector["outputs"]!["body"]);
        var header = body[..23];
        var swapped = header.Concat(body[48..]).Concat(body[23..48]).ToArray();
        var failure = Aes128GcmContentCoding.Decrypt(swapped, B64(vector["inputs"]!["ikm"]), out _);
        Assert.That(failure, Is.EqualTo(WebPushCryptoFailure.NotAuthentic));
    }

    [Test]
    public void TryReadHeader_RecordSizeBelow18_IsRefused()
    {
        var body = new byte[40];
        body[19] = 17;
        Assert.That(Aes128GcmContentCoding.TryReadHeader(body, out _), Is.False);
    }
}
