#!/usr/bin/env python3
"""Writes fuzz/corpus/<target>/ seed inputs from the repository's test vectors (run from the repository root).

Sources: tests/Mfa.WebAuthn.Tests/TestData/webauthn (the WebAuthn conformance fixtures, see their README for
licences), the otpauth URIs in tests/Mfa.Totp.Tests, RFC 4648 §10 Base32 vectors. Seeds stay small: AFL works best
with few short inputs, and the smoke run mutates each one.
"""
import base64, glob, hashlib, json, os, re, shutil

root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(root)
out = os.path.join(root, "corpus")

def b64u(text):
    text = text.replace("+", "-").replace("/", "_").rstrip("=")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

seeds = {t: {} for t in ["attestation-object", "authenticator-data", "client-data", "cose-key", "response-json", "inspect", "otpauth-uri", "base32"]}

def add(target, data, limit=4096):
    if isinstance(data, str):
        data = data.encode()
    if 0 < len(data) <= limit:
        seeds[target][hashlib.sha256(data).hexdigest()[:16]] = data

for path in sorted(glob.glob(os.path.join(repo, "tests/Mfa.WebAuthn.Tests/TestData/webauthn/*/*.json"))):
    case = json.load(open(path))
    cred = case["credential"]
    resp = cred["response"]
    add("response-json", json.dumps(cred, separators=(",", ":")), 8192)
    add("client-data", b64u(resp["clientDataJSON"]))
    if "attestationObject" in resp:
        att = b64u(resp["attestationObject"])
        add("attestation-object", att, 8192)
        add("inspect", resp["attestationObject"], 8192)
    if "authenticatorData" in resp:
        add("authenticator-data", b64u(resp["authenticatorData"]))
        add("inspect", resp["authenticatorData"])
    for key in [case.get("storedCredential", {}).get("credentialPublicKey"), case.get("expected", {}).get("credentialPublicKey")]:
        if key:
            add("cose-key", b64u(key))

for path in sorted(glob.glob(os.path.join(repo, "tests/Mfa.Totp.Tests/**/*.cs"), recursive=True)):
    for uri in re.findall(r'otpauth://[^"\s]+', open(path).read()):
        add("otpauth-uri", uri)

for text in ["", "MY", "MZXQ", "MZXW6", "MZXW6YQ", "MZXW6YTB", "MZXW6YTBOI", "MZXW6YTBOI======", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
             "JBSWY3DPEHPK3PXP", "jbswy3dp ehpk3pxp", "CPNMUOJ1", "CPNMUOJ1E8======", "0123456789ABCDEFGHIJKLMNOPQRSTUV"]:
    add("base32", text if text else " ")

shutil.rmtree(out, ignore_errors=True)
for target, files in seeds.items():
    os.makedirs(os.path.join(out, target))
    # At most 24 seeds a target, spread evenly over the sizes: the variety of formats, a quick AFL start.
    ordered = sorted(files.items(), key=lambda kv: (len(kv[1]), kv[0]))
    picked = ordered if len(ordered) <= 24 else [ordered[i * (len(ordered) - 1) // 23] for i in range(24)]
    for name, data in picked:
        open(os.path.join(out, target, name), "wb").write(data)
    print(target, min(len(files), 24))
