using System.Security.Cryptography;
using System.Text;
using Mfa.Push.Transports.WebPush;
using static Mfa.Push.Tests.Transports.TransportTestData;

namespace Mfa.Push.Tests.Transports.WebPush;

[TestFixture]
public sealed class WebPushEncryptionTests
{
    private static readonly System.Text.Json.Nodes.JsonNode s_vector = Load("rfc8291-appendix-a.json");
    private static byte[] Input(string name) => B64(s_vector["inputs"]![name]);
    private static byte[] Intermediate(string name) => B64(s_vector["intermediate"]![name]);
    private static byte[] Output(string name) => B64(s_vector["outputs"]![name]);

    [Test]
    public void DeriveKeySchedule_Rfc8291AppendixA_EveryIntermediateMatches()
    {
        using var server = WebPushEncryption.ImportPrivateKey(Input("as_private_b64url"))!;
        using var userAgent = WebPushEncryption.ImportPublicKey(Input("ua_public_b64url"))!;
        var schedule = WebPushEncryption.DeriveKeySchedule(
            server, userAgent.PublicKey, Input("auth_secret_b64url"), Input("ua_public_b64url"), Input("as_public_b64url"), Input("salt_b64url"));
        Assert.Multiple(() =>
        {
            Assert.That(WebPushEncryption.ExportPublicKey(server), Is.EqualTo(Input("as_public_b64url")), "as_public from as_private");
            Assert.That(schedule.EcdhSecret, Is.EqualTo(Intermediate("ecdh_secret")));
            Assert.That(schedule.PrkKey, Is.EqualTo(Intermediate("prk_key")));
            Assert.That(schedule.KeyInfo, Is.EqualTo(Intermediate("key_info")));
            Assert.That(schedule.Ikm, Is.EqualTo(Intermediate("ikm")));
            Assert.That(schedule.ContentKeys.Prk, Is.EqualTo(Intermediate("prk")));
            Assert.That(schedule.ContentKeys.Cek, Is.EqualTo(Intermediate("cek")));
            Assert.That(schedule.ContentKeys.Nonce, Is.EqualTo(Intermediate("nonce")));
        });
    }

    [Test]
    public void DeriveKeySchedule_Rfc8291AppendixA_UserAgentSideDerivesTheSameSecret()
    {
        using var userAgent = WebPushEncryption.ImportPrivateKey(Input("ua_private_b64url"))!;
        using var server = WebPushEncryption.ImportPublicKey(Input("as_public_b64url"))!;
        var schedule = WebPushEncryption.DeriveKeySchedule(
            userAgent, server.PublicKey, Input("auth_secret_b64url"), Input("ua_public_b64url"), Input("as_public_b64url"), Input("salt_b64url"));
        Assert.Multiple(() =>
        {
            Assert.That(WebPushEncryption.ExportPublicKey(userAgent), Is.EqualTo(Input("ua_public_b64url")));
            Assert.That(schedule.EcdhSecret, Is.EqualTo(Intermediate("ecdh_secret")));
            Assert.That(schedule.ContentKeys.Cek, Is.EqualTo(Intermediate("cek")));
        });
    }

    [Test]
    public void EncryptWithKeyAndSalt_Rfc8291AppendixA_ProducesThePublishedBody()
    {
        var result = WebPushEncryption.EncryptWithKeyAndSalt(
            Input("plaintext_b64url"), Input("ua_public_b64url"), Input("auth_secret_b64url"), Input("as_private_b64url"), Input("salt_b64url"));
        Assert.That(result.Succeeded, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(result.Body, Is.EqualTo(Output("body")));
            Assert.That(result.Body![..WebPushEncryption.HeaderLength], Is.EqualTo(Output("header")));
            Assert.That(result.Body![WebPushEncryption.HeaderLength..], Is.EqualTo(Output("ciphertext_with_tag")));
            Assert.That(result.Body!, Has.Length.EqualTo((int)s_vector["outputs"]!["body_length"]!));
        });
    }

    [Test]
    public void Decrypt_Rfc8291AppendixA_YieldsThePlaintext()
    {
        var result = WebPushEncryption.Decrypt(Output("body"), Input("ua_private_b64url"), Input("auth_secret_b64url"));
        Assert.That(result.Succeeded, Is.True);
        Assert.That(Encoding.UTF8.GetString(result.Plaintext!), Is.EqualTo(Text(s_vector["inputs"]!["plaintext_utf8"])));
    }

    [Test]
    public void AesGcm_Rfc8291AppendixA_RecordPlaintextIsThePaddedPlaintext()
    {
        using var aes = new AesGcm(Intermediate("cek"), 16);
        var record = Output("ciphertext_with_tag");
        var plaintext = new byte[record.Length - 16];
        aes.Decrypt(Intermediate("nonce"), record[..^16], record[^16..], plaintext);
        Assert.That(plaintext, Is.EqualTo(Intermediate("padded_plaintext")));
    }

    [Test]
    public void Encrypt_FreshKeys_RoundTripsAndDiffersEachTime()
    {
        using var userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var uaPublic = WebPushEncryption.ExportPublicKey(userAgent);
        var uaPrivate = userAgent.ExportParameters(true).D!;
        var auth = RandomNumberGenerator.GetBytes(16);
        var message = "{\"v\":1,\"cid\":\"abc\"}"u8.ToArray();
        var first = WebPushEncryption.Encrypt(message, uaPublic, auth, paddingLength: 100);
        var second = WebPushEncryption.Encrypt(message, uaPublic, auth, paddingLength: 100);
        Assert.That(first.Succeeded && second.Succeeded, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(first.Body, Is.Not.EqualTo(second.Body), "fresh salt and key per message");
            Assert.That(first.Body!, Has.Length.EqualTo(WebPushEncryption.HeaderLength + message.Length + 1 + 100 + 16));
            Assert.That(WebPushEncryption.Decrypt(first.Body!, uaPrivate, auth).Plaintext, Is.EqualTo(message));
        });
    }

    [Test]
    public void Decrypt_TamperedRecord_IsNotAuthentic()
    {
        var body = Output("body");
        body[^1] ^= 1;
        var result = WebPushEncryption.Decrypt(body, Input("ua_private_b64url"), Input("auth_secret_b64url"));
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.NotAuthentic));
    }

    [Test]
    public void Decrypt_WrongAuthSecret_IsNotAuthentic()
    {
        var auth = Input("auth_secret_b64url");
        auth[0] ^= 1;
        var result = WebPushEncryption.Decrypt(Output("body"), Input("ua_private_b64url"), auth);
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.NotAuthentic));
    }

    [Test]
    public void Decrypt_TruncatedHeader_IsMalformed()
    {
        var result = WebPushEncryption.Decrypt(Output("body").AsSpan(0, 40), Input("ua_private_b64url"), Input("auth_secret_b64url"));
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.MalformedBody));
    }

    [Test]
    public void Decrypt_RecordLongerThanRecordSize_IsMalformed()
    {
        var body = Output("body");
        body[18] = 0;
        body[19] = 20; // rs = 20 < the 58-octet record: Web Push allows one record only
        var result = WebPushEncryption.Decrypt(body, Input("ua_private_b64url"), Input("auth_secret_b64url"));
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.MalformedBody));
    }

    [Test]
    public void Decrypt_NonLastDelimiter_IsInvalidPadding()
    {
        // RFC 8291 §4: a single record whose delimiter is not 0x02 MUST be discarded.
        var ikmBody = ReEncryptVectorRecord(Aes128GcmContentCoding.PadRecord("hello"u8, last: false, 0));
        var result = WebPushEncryption.Decrypt(ikmBody, Input("ua_private_b64url"), Input("auth_secret_b64url"));
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.InvalidPadding));
    }

    [Test]
    public void Encrypt_PublicKeyOffTheCurve_IsInvalidPublicKey()
    {
        var point = Input("ua_public_b64url");
        point[64] ^= 1;
        var result = WebPushEncryption.Encrypt("x"u8, point, Input("auth_secret_b64url"));
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.InvalidPublicKey));
    }

    [TestCase(64)]
    [TestCase(33)]
    public void Encrypt_PublicKeyWrongLength_IsInvalidPublicKey(int length)
    {
        var result = WebPushEncryption.Encrypt("x"u8, Input("ua_public_b64url").AsSpan(0, length), Input("auth_secret_b64url"));
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.InvalidPublicKey));
    }

    [TestCase(15)]
    [TestCase(17)]
    public void Encrypt_AuthSecretNot16Octets_IsInvalidAuthSecret(int length)
    {
        var result = WebPushEncryption.Encrypt("x"u8, Input("ua_public_b64url"), new byte[length]);
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.InvalidAuthSecret));
    }

    [Test]
    public void Encrypt_LargestPlaintext_FitsIn4096Octets()
    {
        var result = WebPushEncryption.Encrypt(new byte[WebPushEncryption.MaxPlaintextLength], Input("ua_public_b64url"), Input("auth_secret_b64url"));
        Assert.That(result.Body, Has.Length.EqualTo(4096));
    }

    [Test]
    public void Encrypt_OneOctetTooMany_IsPayloadTooLarge()
    {
        var result = WebPushEncryption.Encrypt(new byte[WebPushEncryption.MaxPlaintextLength + 1], Input("ua_public_b64url"), Input("auth_secret_b64url"));
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.PayloadTooLarge));
    }

    [Test]
    public void Encrypt_RecordSizeSmallerThanTheRecord_IsInvalidRecordSize()
    {
        var result = WebPushEncryption.Encrypt(new byte[100], Input("ua_public_b64url"), Input("auth_secret_b64url"), recordSize: 100);
        Assert.That(result.Failure, Is.EqualTo(WebPushCryptoFailure.InvalidRecordSize));
    }

    private static byte[] ReEncryptVectorRecord(byte[] paddedRecord) =>
        Aes128GcmContentCoding.Encrypt(Intermediate("ikm"), Input("salt_b64url"), Input("as_public_b64url"), 4096, [paddedRecord]);
}
