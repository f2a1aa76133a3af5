using System.Numerics;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Tests.Cose;

[TestFixture]
public sealed class EdDsaVerifierTests
{
    private const string Test1024Message =
        "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1"
        + "e355f6c50544e23fb1433ddf73be84d879de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
        + "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc1a858efcb8550ee3a5e1998bd177e93a"
        + "7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
        + "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbefefd75499da96bd68a8a97b928a8bbc10"
        + "3b6621fcde2beca1231d206be6cd9ec7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
        + "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2d17ba70eb6248e594e1a2297acbbb39d"
        + "502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
        + "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089b"
        + "eccf80cfe2df16a2cf65bd92dd597b0707e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
        + "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51addd3b75a2b1ae0784504df543af8969b"
        + "e3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
        + "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988d"
        + "cda6f3bfd15c4b4c4525004aa06eeff8ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
        + "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d78ff4ef5d63653a65040cf9bfd4aca7"
        + "984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
        + "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac09"
        + "43bf6686b64b2579376504ccc493d97e6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
        + "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50d334ba77c225bc307ba537152f3f161"
        + "0e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
        + "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8ca"
        + "c60c905c15fc910840b94c00a0b9d0";

    private const string Test1PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Test1Signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private const string Ed448BlankPublicKey = "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180";
    private const string Ed448BlankSignature = "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600";

    private static readonly BigInteger s_ed25519Order = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    // libsodium's small-order list (y, sign bit clear): 0, 1, two points of order 8, p − 1, p, p + 1.
    private static readonly string[] s_smallOrderEncodings =
    [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ];

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    private static bool VerifyEd25519(byte[] publicKey, byte[] message, byte[] signature)
    {
        var key = Ed25519Verifier.TryImport(publicKey);
        return key is not null && Ed25519Verifier.Verify(key, message, signature);
    }

    /// <summary>libsodium alone, without our byte-level checks: what the library itself refuses.</summary>
    private static bool VerifyWithLibsodiumOnly(byte[] publicKey, byte[] message, byte[] signature) =>
        NSec.Cryptography.PublicKey.TryImport(NSec.Cryptography.SignatureAlgorithm.Ed25519, publicKey, NSec.Cryptography.KeyBlobFormat.RawPublicKey, out var key)
        && NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(key!, message, signature);

    private static bool IsValidEd25519Key(byte[] encoded) => Ed25519Verifier.TryImport(encoded) is not null;

    [TestCase(Test1PublicKey, "", Test1Signature, Description = "RFC 8032 §7.1 TEST 1")]
    [TestCase("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00", Description = "RFC 8032 §7.1 TEST 2")]
    [TestCase("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82", "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a", Description = "RFC 8032 §7.1 TEST 3")]
    [TestCase("278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e", Test1024Message, "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03", Description = "RFC 8032 §7.1 TEST 1024")]
    [TestCase("ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704", Description = "RFC 8032 §7.1 TEST SHA(abc)")]
    public void Verify_Ed25519Rfc8032Vector_IsTrue(string publicKey, string message, string signature) =>
        Assert.That(VerifyEd25519(Hex(publicKey), Hex(message), Hex(signature)), Is.True);

    [Test]
    public void Verify_Ed25519FlippedSignatureBit_IsFalse()
    {
        var signature = Hex(Test1Signature);
        signature[10] ^= 0x04;

        Assert.That(VerifyEd25519(Hex(Test1PublicKey), [], signature), Is.False);
    }

    [Test]
    public void Verify_Ed25519OtherMessage_IsFalse() =>
        Assert.That(VerifyEd25519(Hex(Test1PublicKey), [0x00], Hex(Test1Signature)), Is.False);

    [Test]
    public void Verify_Ed25519WrongKey_IsFalse() =>
        Assert.That(VerifyEd25519(Hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"), [], Hex(Test1Signature)), Is.False);

    [Test]
    public void Verify_Ed25519NonCanonicalScalar_IsFalse()
    {
        // S + L is the same scalar mod L (the group equation still holds), but RFC 8032 §5.1.7 requires S < L.
        var signature = Hex(Test1Signature);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: false) + s_ed25519Order;
        var encoded = s.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Clear(signature, 32, 32);
        encoded.CopyTo(signature, 32);

        Assert.That(VerifyEd25519(Hex(Test1PublicKey), [], signature), Is.False);
    }

    [Test]
    public void Verify_Ed25519NonCanonicalR_IsFalse()
    {
        // R with y = p (≥ p): a non-canonical encoding, rejected before any arithmetic.
        var signature = Hex(Test1Signature);
        var p = Hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        p.CopyTo(signature, 0);

        Assert.That(VerifyEd25519(Hex(Test1PublicKey), [], signature), Is.False);
    }

    [Test]
    public void IsValidPublicKey_YAtLeastP_IsFalse()
    {
        // y = p + 1 would reduce to the valid y = 1 (the neutral element) if non-canonical encodings were accepted.
        var encoded = Hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

        Assert.That(IsValidEd25519Key(encoded), Is.False);
    }

    [Test]
    public void IsValidPublicKey_ZeroXWithSignBit_IsFalse()
    {
        // y = 1 gives x = 0; the sign bit set would claim a "negative zero".
        var encoded = new byte[32];
        encoded[0] = 1;
        encoded[31] = 0x80;

        Assert.That(IsValidEd25519Key(encoded), Is.False);
    }

    [Test]
    public void IsValidPublicKey_Rfc8032Key_IsTrue() =>
        Assert.That(IsValidEd25519Key(Hex(Test1PublicKey)), Is.True);

    [Test]
    public void Verify_Ed25519RandomMutations_AgreesWithLibsodiumAlone()
    {
        var random = new Random(25519);
        var publicKey = Hex(Test1PublicKey);
        var signature = Hex(Test1Signature);
        var accepted = 0;
        for (var i = 0; i < 200; i++)
        {
            var key = publicKey.ToArray();
            var sig = signature.ToArray();
            var target = random.Next(3) switch { 0 => key, _ => sig };
            if (i > 0)
            {
                target[random.Next(target.Length)] ^= (byte)(1 << random.Next(8));
            }

            var ours = VerifyEd25519(key, [], sig);
            Assert.That(VerifyWithLibsodiumOnly(key, [], sig), Is.EqualTo(ours), $"mutation {i}");
            accepted += ours ? 1 : 0;
        }

        Assert.That(accepted, Is.EqualTo(1));
    }

    [Test]
    public void TryImport_RandomEncodings_AboutHalfAreCurvePoints()
    {
        var random = new Random(255);
        var valid = 0;
        for (var i = 0; i < 200; i++)
        {
            var encoded = new byte[32];
            random.NextBytes(encoded);
            valid += IsValidEd25519Key(encoded) ? 1 : 0;
        }

        // About half of all y values have a matching x.
        Assert.That(valid, Is.InRange(50, 150));
    }

    [Test]
    public void TryImport_SmallOrderEncodingEitherSign_IsNull()
    {
        foreach (var hex in s_smallOrderEncodings)
        {
            foreach (var sign in new byte[] { 0x00, 0x80 })
            {
                var encoded = Hex(hex);
                encoded[31] |= sign;
                Assert.That(Ed25519Verifier.HasSmallOrder(encoded), Is.True, hex);
                Assert.That(IsValidEd25519Key(encoded), Is.False, hex);

                // BouncyCastle's own point validation agrees that none of these is a usable key.
                Assert.That(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.ValidatePublicKeyPartial(encoded, 0), Is.False, hex);
            }
        }
    }

    [Test]
    public void Verify_Ed25519SmallOrderKeyForgery_IsFalse()
    {
        // A = R = the neutral element and S = 0 satisfy [S]B = R + [k]A for every message: the classic forgery a
        // verifier without the small-order check accepts. Both our checks and libsodium refuse it.
        var neutral = Hex(s_smallOrderEncodings[1]);
        var signature = new byte[64];
        neutral.CopyTo(signature, 0);

        Assert.That(VerifyEd25519(neutral, [1, 2, 3], signature), Is.False);
        Assert.That(VerifyWithLibsodiumOnly(neutral, [1, 2, 3], signature), Is.False);
    }

    [Test]
    public void Verify_Ed25519SmallOrderR_IsFalse()
    {
        foreach (var hex in s_smallOrderEncodings)
        {
            var signature = Hex(Test1Signature);
            Hex(hex).CopyTo(signature, 0);

            Assert.That(Ed25519Verifier.Verify(Ed25519Verifier.TryImport(Hex(Test1PublicKey))!, [], signature), Is.False, hex);
            Assert.That(VerifyWithLibsodiumOnly(Hex(Test1PublicKey), [], signature), Is.False, hex);
        }
    }

    [Test]
    public void Verify_Ed25519NonCanonicalScalar_LibsodiumAloneAlsoRefuses()
    {
        var signature = Hex(Test1Signature);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: false) + s_ed25519Order;
        Array.Clear(signature, 32, 32);
        s.ToByteArray(isUnsigned: true, isBigEndian: false).CopyTo(signature, 32);

        Assert.That(Ed25519Verifier.IsCanonicalScalar(signature.AsSpan(32)), Is.False);
        Assert.That(VerifyWithLibsodiumOnly(Hex(Test1PublicKey), [], signature), Is.False);
    }

    [TestCase("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false, Description = "p")]
    [TestCase("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false, Description = "p + 1")]
    [TestCase("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", false, Description = "2^255 − 1 with the sign bit")]
    [TestCase("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", true, Description = "p − 1")]
    [TestCase("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", true, Description = "p − 1 with the sign bit")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", true, Description = "0")]
    [TestCase("edfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", true, Description = "bit 248 clear")]
    public void IsCanonicalPoint_BoundaryEncodings_RejectsValuesAtLeastP(string hex, bool expected) =>
        Assert.That(Ed25519Verifier.IsCanonicalPoint(Hex(hex)), Is.EqualTo(expected));

    [TestCase("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", true, Description = "L − 1")]
    [TestCase("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", false, Description = "L")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000020", false, Description = "2^253")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", true, Description = "0")]
    public void IsCanonicalScalar_BoundaryValues_RejectsValuesAtLeastL(string hex, bool expected) =>
        Assert.That(Ed25519Verifier.IsCanonicalScalar(Hex(hex)), Is.EqualTo(expected));

    [Test]
    public void Verify_Ed448Rfc8032Blank_IsTrue()
    {

        Assert.That(Ed448Verifier.Verify(Hex(Ed448BlankPublicKey), [], Hex(Ed448BlankSignature)), Is.True);
    }

    [Test]
    public void Verify_Ed448Rfc8032OneOctet_IsTrue()
    {
        var publicKey = Hex("43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480");
        var signature = Hex("26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f4352541b143c4b981b7e18f62de8ccdf633fc1bf037ab7cd779805e0dbcc0aae1cbcee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0ff3348ab21aa4adafd1d234441cf807c03a00");

        Assert.That(Ed448Verifier.Verify(publicKey, [0x03], signature), Is.True);
    }

    [Test]
    public void Verify_Ed448SignatureWithContext_IsFalse()
    {
        // RFC 8032 §7.4 "1 octet (with context)": WebAuthn uses pure Ed448 with an empty context only.
        var publicKey = Hex("43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480");
        var signature = Hex("d4f8f6131770dd46f40867d6fd5d5055de43541f8c5e35abbcd001b32a89f7d2151f7647f11d8ca2ae279fb842d607217fce6e042f6815ea000c85741de5c8da1144a6a1aba7f96de42505d7a7298524fda538fccbbb754f578c1cad10d54d0d5428407e85dcbc98a49155c13764e66c3c00");

        Assert.That(Ed448Verifier.Verify(publicKey, [0x03], signature), Is.False);
    }

    [Test]
    public void Verify_Ed448FlippedBit_IsFalse()
    {
        var signature = Hex(Ed448BlankSignature);
        signature[100] ^= 0x01;

        Assert.That(Ed448Verifier.Verify(Hex(Ed448BlankPublicKey), [], signature), Is.False);
    }

    [Test]
    public void Verify_Ed448ScalarAtLeastOrder_IsFalse()
    {
        var signature = Hex(Ed448BlankSignature);
        var order = BigInteger.Pow(2, 446) - BigInteger.Parse("13818066809895115352007386748515426880336692474882178609894547503885", System.Globalization.CultureInfo.InvariantCulture);
        var s = new BigInteger(signature.AsSpan(57), isUnsigned: true, isBigEndian: false) + order;
        Array.Clear(signature, 57, 57);
        s.ToByteArray(isUnsigned: true, isBigEndian: false).CopyTo(signature, 57);

        Assert.That(Ed448Verifier.Verify(Hex(Ed448BlankPublicKey), [], signature), Is.False);
    }

    [Test]
    public void Verify_Ed448SmallOrderKeyForgery_IsFalse()
    {
        // A = R = the neutral element (x = 0, y = 1) and S = 0: refused by BouncyCastle, as at import.
        var neutral = new byte[57];
        neutral[0] = 1;
        var signature = new byte[114];
        neutral.CopyTo(signature, 0);

        Assert.That(Ed448Verifier.IsValidPublicKey(neutral), Is.False);
        Assert.That(Ed448Verifier.Verify(neutral, [1, 2, 3], signature), Is.False);
    }

    [Test]
    public void Verify_Ed448NonCanonicalR_IsFalse()
    {
        // R with y = p (2^448 − 2^224 − 1), the non-canonical encoding of 0.
        var signature = Hex(Ed448BlankSignature);
        var p = BigInteger.Pow(2, 448) - BigInteger.Pow(2, 224) - 1;
        Array.Clear(signature, 0, 57);
        p.ToByteArray(isUnsigned: true, isBigEndian: false).CopyTo(signature, 0);

        Assert.That(Ed448Verifier.Verify(Hex(Ed448BlankPublicKey), [], signature), Is.False);
    }

    [Test]
    public void IsValidPublicKey_Ed448Rfc8032Key_IsTrue() =>
        Assert.That(Ed448Verifier.IsValidPublicKey(Hex(Ed448BlankPublicKey)), Is.True);

    [Test]
    public void IsValidPublicKey_Ed448YAtLeastP_IsFalse()
    {
        var p = BigInteger.Pow(2, 448) - BigInteger.Pow(2, 224) - 1;
        var encoded = new byte[57];
        (p + 1).ToByteArray(isUnsigned: true, isBigEndian: false).CopyTo(encoded, 0);

        Assert.That(Ed448Verifier.IsValidPublicKey(encoded), Is.False);
    }

    [Test]
    public void Verify_Ed448WithEd25519Lengths_IsFalse() =>
        Assert.That(Ed448Verifier.Verify(Hex(Test1PublicKey), [], Hex(Test1Signature)), Is.False);
}
