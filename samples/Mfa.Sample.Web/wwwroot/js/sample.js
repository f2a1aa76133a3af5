// The sample's small browser helper: posts JSON with the antiforgery token and runs WebAuthn ceremonies from the SDK's
// options JSON (WebAuthn L3 JSON: PublicKeyCredential.parse*OptionsFromJSON and toJSON(), with a fallback).
"use strict";

const sample = (() => {
  const b64uToBytes = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4)), (c) => c.charCodeAt(0));
  const bytesToB64u = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

  function token() {
    const input = document.querySelector("input[name=__RequestVerificationToken]");
    return input ? input.value : "";
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "RequestVerificationToken": token() },
      body: JSON.stringify(body ?? {}),
      credentials: "same-origin",
    });
    if (!response.ok) { return { error: "The server could not handle that request (" + response.status + ")." }; }
    const text = await response.text();
    try { return JSON.parse(text); } catch {
      console.warn("Not JSON from", response.url, text.slice(0, 400));
      return { error: "The server could not handle that request." };
    }
  }

  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) { return PublicKeyCredential.parseCreationOptionsFromJSON(json); }
    const o = structuredClone(json);
    o.challenge = b64uToBytes(o.challenge);
    o.user.id = b64uToBytes(o.user.id);
    (o.excludeCredentials || []).forEach((c) => { c.id = b64uToBytes(c.id); });
    return o;
  }

  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) { return PublicKeyCredential.parseRequestOptionsFromJSON(json); }
    const o = structuredClone(json);
    o.challenge = b64uToBytes(o.challenge);
    (o.allowCredentials || []).forEach((c) => { c.id = b64uToBytes(c.id); });
    return o;
  }

  function credentialJson(cred) {
    if (typeof cred.toJSON === "function") { return cred.toJSON(); }
    const r = cred.response;
    const response = { clientDataJSON: bytesToB64u(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = bytesToB64u(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = bytesToB64u(r.authenticatorData);
      response.signature = bytesToB64u(r.signature);
      if (r.userHandle) { response.userHandle = bytesToB64u(r.userHandle); }
    }
    return { id: cred.id, rawId: bytesToB64u(cred.rawId), type: cred.type, response,
             authenticatorAttachment: cred.authenticatorAttachment, clientExtensionResults: cred.getClientExtensionResults() };
  }

  function describe(error) {
    console.warn("WebAuthn:", error && error.name, error && error.message);
    if (error && error.name === "NotAllowedError") { return "The request was cancelled or timed out."; }
    if (error && error.name === "InvalidStateError") { return "This authenticator is already registered."; }
    if (error && error.name === "AbortError") { return null; }
    return "Your browser could not complete the request.";
  }

  async function create(optionsJson) {
    const cred = await navigator.credentials.create({ publicKey: creationOptions(optionsJson) });
    return credentialJson(cred);
  }

  async function get(optionsJson, mediation, signal) {
    const request = { publicKey: requestOptions(optionsJson) };
    if (mediation) { request.mediation = mediation; }
    if (signal) { request.signal = signal; }
    const cred = await navigator.credentials.get(request);
    return cred ? credentialJson(cred) : null;
  }

  function show(element, message) {
    const target = typeof element === "string" ? document.getElementById(element) : element;
    if (!target) { return; }
    target.textContent = message || "";
    target.hidden = !message;
  }

  // Follows a {redirect} / {error} answer.
  function follow(answer, errorElement) {
    if (answer && answer.redirect) { window.location.assign(answer.redirect); return true; }
    show(errorElement, (answer && answer.error) || "That did not work.");
    return false;
  }

  return { post, create, get, describe, show, follow };
})();
window.sample = sample;
