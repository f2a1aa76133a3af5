// Mfa.AspNetCore browser client: an ES module, no build step.
//   import * as mfa from "/_content/Mfa.AspNetCore/mfa.js";
// Routes, request and response shapes: docs/aspnetcore.md.

/** MfaFailureReason values (src/Mfa.Core/MfaFailureReason.cs), name by code. */
export const FailureReasons = Object.freeze({
  0: "None", 1: "InvalidCode", 2: "Replayed", 3: "Expired", 4: "ChallengeNotFound", 5: "ChallengeMismatch",
  6: "ChallengeAlreadyUsed", 7: "LockedOut", 8: "MalformedInput", 9: "InvalidSignature", 10: "UnknownAuthenticator",
  11: "NotEnrolled", 12: "FactorNotAllowed", 13: "PolicyViolation", 14: "LastAuthenticator", 15: "ConcurrencyConflict",
  16: "AlreadyEnrolled", 17: "UnsupportedAlgorithm", 18: "WrongType", 19: "WrongChallenge", 20: "OriginNotAllowed",
  21: "RelyingPartyMismatch", 22: "UserPresenceRequired", 23: "UserVerificationRequired", 24: "CounterRollback",
  25: "InvalidAttestation", 26: "UntrustedAttestation", 27: "UnsupportedAttestationFormat", 28: "UserHandleMismatch",
  29: "CredentialNotAllowed", 30: "Denied", 32: "RemoteFailure", 33: "InvalidRecoveryCode", 34: "CertificateInvalid",
  35: "NotSupported", 36: "BackupEligibilityChanged", 37: "StoreUnavailable", 38: "SecretUnavailable",
  39: "AlreadyAnswered", 40: "FraudReported", 41: "RateLimited", 42: "ReauthenticationRequired", 43: "WrongFactorFlow",
  100: "NumberMismatch", 103: "ClockSkew", 130: "DuoUnavailable", 131: "DuoPolicyBypass", 160: "MetadataInvalid",
  161: "AuthenticatorStatusRefused", 190: "AntiforgeryRejected", 191: "NotAuthenticated", 192: "Forbidden",
  193: "UnknownFactor",
});

/** The failure reason name of a code ("Unknown" when the code is not known to this client). */
export function reasonName(code) {
  return FailureReasons[code] ?? "Unknown";
}

/** Thrown for every problem response (and for a browser refusing a WebAuthn ceremony: reason "Cancelled"). */
export class MfaError extends Error {
  constructor(message, { status = 0, reason = "Unknown", code = -1, retryAfter = null, problem = null } = {}) {
    super(message);
    this.name = "MfaError";
    this.status = status;
    this.reason = reason;
    this.code = code;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }
}

const settings = { prefix: "/mfa", fetch: (...args) => globalThis.fetch(...args), customFetch: false, eventSource: undefined };
let tokenCache = null;

/**
 * Sets the route prefix (default "/mfa") and, for tests, the fetch function and the EventSource constructor that
 * waitForChallenge uses (`false`: always long-poll). With a custom fetch and no eventSource given, waits long-poll only.
 */
export function configure({ prefix, fetch, eventSource } = {}) {
  if (prefix !== undefined) settings.prefix = prefix.replace(/\/+$/, "");
  if (fetch !== undefined) { settings.fetch = fetch; settings.customFetch = true; }
  if (eventSource !== undefined) settings.eventSource = eventSource;
  tokenCache = null;
}

/** Maps a problem+json body (or any failed response) to an MfaError. */
export function toMfaError(status, problem) {
  const p = problem && typeof problem === "object" ? problem : {};
  const code = Number.isInteger(p.failureCode) ? p.failureCode : -1;
  const reason = typeof p.failureReason === "string" ? p.failureReason : (code >= 0 ? reasonName(code) : (status === 429 ? "RateLimited" : "Unknown"));
  const message = typeof p.detail === "string" ? p.detail : (typeof p.title === "string" ? p.title : `Request failed (${status}).`);
  return new MfaError(message, { status, reason, code, retryAfter: Number.isFinite(p.retryAfter) ? p.retryAfter : null, problem: problem ?? null });
}

/** Fetches (and caches) the antiforgery token: { headerName, token }. */
export async function antiforgeryToken(refresh = false) {
  if (!tokenCache || refresh) {
    const response = await settings.fetch(settings.prefix + "/antiforgery", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw toMfaError(response.status, await readJson(response));
    tokenCache = await response.json();
  }
  return tokenCache;
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try { return JSON.parse(text); } catch { return null; }
}

/** One call: JSON in, JSON out; state-changing methods carry the antiforgery header (retried once with a fresh token). */
export async function request(method, path, body, { signal, retried = false } = {}) {
  const headers = { Accept: "application/json" };
  const changing = method !== "GET" && method !== "HEAD";
  if (changing) {
    const { headerName, token } = await antiforgeryToken();
    if (headerName && token) headers[headerName] = token;
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await settings.fetch(settings.prefix + path, {
    method, headers, credentials: "same-origin", cache: "no-store", signal,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await readJson(response);
  if (!response.ok) {
    const error = toMfaError(response.status, json);
    if (error.reason === "AntiforgeryRejected" && changing && !retried) {
      tokenCache = null;
      return request(method, path, body, { signal, retried: true });
    }
    throw error;
  }
  // A sign-in changes the user the antiforgery token is bound to: fetch a new one next time.
  if (json && json.status === "succeeded") tokenCache = null;
  if (response.status === 202 && json) json.pending = true;
  return json;
}

// ---- raw calls -------------------------------------------------------------------------------------------------------

export const getStatus = () => request("GET", "/status");
export const beginEnrollment = (kind, body = {}) => request("POST", `/enrollments/${encodeURIComponent(kind)}/begin`, body);
export const completeEnrollment = (kind, body) => request("POST", `/enrollments/${encodeURIComponent(kind)}/complete`, body);
export const beginChallenge = (kind, body = {}) => request("POST", `/challenges/${encodeURIComponent(kind)}/begin`, body);
export const completeChallenge = (kind, body) => request("POST", `/challenges/${encodeURIComponent(kind)}/complete`, body);
export const listAuthenticators = () => request("GET", "/authenticators");
export const renameAuthenticator = (id, name) => request("PATCH", `/authenticators/${encodeURIComponent(id)}`, { name });
export const removeAuthenticator = (id) => request("DELETE", `/authenticators/${encodeURIComponent(id)}`);
export const generateRecoveryCodes = () => request("POST", "/recovery-codes", {});
export const signInWithRecoveryCode = (code, { purpose } = {}) => request("POST", "/recovery-codes/redeem", { code, purpose });

// ---- TOTP --------------------------------------------------------------------------------------------------------------

/** Begins a TOTP enrollment: { enrollmentId, expiresAt, prompt: { secret, uri, qrSvg, digits, period, algorithm } }. */
export const enrollTotp = (name, accountName) => beginEnrollment("totp", { name, accountName });
/** Confirms it with the first code: { authenticator }. */
export const confirmTotp = (enrollmentId, code) => completeEnrollment("totp", { enrollmentId, code });

/** Signs in (or steps up) with a TOTP code. */
export async function signInWithTotp(code, { purpose, authenticatorId } = {}) {
  const begun = await beginChallenge("totp", { purpose, authenticatorId });
  return completeChallenge("totp", { challengeId: begun.challengeId, purpose, code });
}

// ---- WebAuthn ----------------------------------------------------------------------------------------------------------

/** base64url (no padding) → ArrayBuffer. */
export function base64UrlToBuffer(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** ArrayBuffer / view → base64url (no padding). */
export function bufferToBase64Url(buffer) {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** PublicKeyCredentialCreationOptionsJSON → options for navigator.credentials.create (native parser when present). */
export function parseCreationOptions(json) {
  const PKC = globalThis.PublicKeyCredential;
  if (PKC && typeof PKC.parseCreationOptionsFromJSON === "function") return PKC.parseCreationOptionsFromJSON(json);
  const options = { ...json, challenge: base64UrlToBuffer(json.challenge), user: { ...json.user, id: base64UrlToBuffer(json.user.id) } };
  if (json.excludeCredentials) options.excludeCredentials = json.excludeCredentials.map((c) => ({ ...c, id: base64UrlToBuffer(c.id) }));
  return options;
}

/** PublicKeyCredentialRequestOptionsJSON → options for navigator.credentials.get (native parser when present). */
export function parseRequestOptions(json) {
  const PKC = globalThis.PublicKeyCredential;
  if (PKC && typeof PKC.parseRequestOptionsFromJSON === "function") return PKC.parseRequestOptionsFromJSON(json);
  const options = { ...json, challenge: base64UrlToBuffer(json.challenge) };
  if (json.allowCredentials) options.allowCredentials = json.allowCredentials.map((c) => ({ ...c, id: base64UrlToBuffer(c.id) }));
  return options;
}

/** A PublicKeyCredential → its JSON (RegistrationResponseJSON / AuthenticationResponseJSON), via toJSON() when present. */
export function credentialToJson(credential) {
  if (typeof credential.toJSON === "function") {
    try { return credential.toJSON(); } catch { /* fall through: some browsers throw for unknown extensions */ }
  }
  const r = credential.response;
  const response = { clientDataJSON: bufferToBase64Url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = bufferToBase64Url(r.attestationObject);
    response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
    if (typeof r.getAuthenticatorData === "function") response.authenticatorData = bufferToBase64Url(r.getAuthenticatorData());
    if (typeof r.getPublicKey === "function" && r.getPublicKey()) response.publicKey = bufferToBase64Url(r.getPublicKey());
    if (typeof r.getPublicKeyAlgorithm === "function") response.publicKeyAlgorithm = r.getPublicKeyAlgorithm();
  } else {
    response.authenticatorData = bufferToBase64Url(r.authenticatorData);
    response.signature = bufferToBase64Url(r.signature);
    if (r.userHandle) response.userHandle = bufferToBase64Url(r.userHandle);
  }
  return {
    id: credential.id,
    rawId: bufferToBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: typeof credential.getClientExtensionResults === "function" ? credential.getClientExtensionResults() : {},
    response,
  };
}

/** A browser refusal as an MfaError: cancelled or timed out → "Cancelled"; create() matching excludeCredentials (InvalidStateError) → "AlreadyEnrolled". */
function cancelled(error, creating = false) {
  const name = error?.name;
  const reason = name === "NotAllowedError" || name === "AbortError" ? "Cancelled" : (creating && name === "InvalidStateError" ? "AlreadyEnrolled" : "Unknown");
  const mapped = new MfaError(error?.message || "The browser did not complete the request.", { reason, problem: null });
  mapped.browserError = typeof name === "string" ? name : null;
  return mapped;
}

/** navigator.credentials.create from creation options JSON → RegistrationResponseJSON. */
export async function createCredential(optionsJson, { signal } = {}) {
  let credential;
  try {
    credential = await navigator.credentials.create({ publicKey: parseCreationOptions(optionsJson), signal });
  } catch (error) {
    throw cancelled(error, true);
  }
  return credentialToJson(credential);
}

/** navigator.credentials.get from request options JSON → AuthenticationResponseJSON. */
export async function getCredential(optionsJson, { mediation, signal } = {}) {
  let credential;
  try {
    credential = await navigator.credentials.get({ publicKey: parseRequestOptions(optionsJson), mediation, signal });
  } catch (error) {
    throw cancelled(error);
  }
  return credentialToJson(credential);
}

/** Enrolls a security key ("securityKey") or a device authenticator ("device"): { authenticator }. */
export async function enrollWebAuthn(name, authenticatorType = "securityKey") {
  const begun = await beginEnrollment("webauthn", { name, authenticatorType });
  const credential = await createCredential(begun.prompt.options);
  return completeEnrollment("webauthn", { enrollmentId: begun.enrollmentId, credential });
}

/** Signs in (or steps up) with a security key or device authenticator as the second factor. */
export async function signInWithWebAuthn({ purpose, authenticatorId, requireUserVerification } = {}) {
  const begun = await beginChallenge("webauthn", { purpose, authenticatorId, requireUserVerification });
  const credential = await getCredential(begun.prompt.options);
  return completeChallenge("webauthn", { challengeId: begun.challengeId, purpose, credential });
}

/** Username-less passkey sign-in; mediation "conditional" for autofill (then it waits until the user picks a passkey). */
export async function signInWithPasskey({ mediation, signal } = {}) {
  const begun = await request("POST", "/passkey/begin", {}, { signal });
  const credential = await getCredential(begun.prompt.options, { mediation, signal });
  return request("POST", "/passkey/complete", { challengeId: begun.challengeId, credential }, { signal });
}

/** Whether the browser offers passkey autofill (conditional mediation). */
export async function isConditionalMediationAvailable() {
  const PKC = globalThis.PublicKeyCredential;
  return !!(PKC && typeof PKC.isConditionalMediationAvailable === "function" && await PKC.isConditionalMediationAvailable());
}

/**
 * Passkey autofill: needs an <input autocomplete="username webauthn">. Starts a conditional request that completes when
 * the user picks a passkey from the autofill list. Returns the AbortController (abort it before a modal WebAuthn call).
 */
export function startConditionalPasskey({ onSuccess, onError, signal } = {}) {
  const controller = new AbortController();
  if (signal) signal.addEventListener("abort", () => controller.abort(), { once: true });
  (async () => {
    if (!await isConditionalMediationAvailable()) return;
    try {
      const result = await signInWithPasskey({ mediation: "conditional", signal: controller.signal });
      onSuccess?.(result);
    } catch (error) {
      if (!controller.signal.aborted) onError?.(error);
    }
  })();
  return controller;
}

// ---- out-of-band: push, Duo -------------------------------------------------------------------------------------------

/** Begins a push challenge: { challengeId, expiresAt, prompt: { displayNumber, expiresAt, devicesNotified, pollIntervalMs } }. */
export const beginPush = ({ purpose, authenticatorId } = {}) => beginChallenge("push", { purpose, authenticatorId });

/** Begins a push enrollment: { enrollmentId, prompt: { enrollmentUri, expiresAt } } (show enrollmentUri as a QR code). */
export const enrollPush = (name, accountLabel) => beginEnrollment("push", { name, accountLabel });

function eventSourceClass() {
  if (settings.eventSource === false) return null;
  if (settings.eventSource) return settings.eventSource;
  return settings.customFetch ? null : (globalThis.EventSource ?? null);
}

const abortError = () => new DOMException("Aborted", "AbortError");

/**
 * Listens to `GET /challenges/{kind}/{challengeId}/events` until its one event: resolves { event, data } for
 * "succeeded" / "failed", or null (timeout, network error, a refused stream) to let the caller long-poll instead.
 */
function streamOutcome(Source, kind, challengeId, { signal, purpose }) {
  return new Promise((resolve, reject) => {
    const query = purpose ? `?purpose=${encodeURIComponent(purpose)}` : "";
    const source = new Source(`${settings.prefix}/challenges/${encodeURIComponent(kind)}/${encodeURIComponent(challengeId)}/events${query}`, { withCredentials: true });
    let done = false;
    const finish = (value, error) => {
      if (done) return;
      done = true;
      source.close();
      signal?.removeEventListener("abort", onAbort);
      if (error) reject(error); else resolve(value);
    };
    const onAbort = () => finish(null, abortError());
    const parse = (e) => { try { return JSON.parse(e.data); } catch { return null; } };
    signal?.addEventListener("abort", onAbort);
    source.addEventListener("succeeded", (e) => finish({ event: "succeeded", data: parse(e) }));
    source.addEventListener("failed", (e) => finish({ event: "failed", data: parse(e) }));
    source.addEventListener("timeout", () => finish(null));
    // EventSource would reconnect on its own and cannot read a problem body: the long poll takes over and reports it.
    source.addEventListener("error", () => finish(null));
  });
}

/**
 * Waits for an out-of-band challenge (push, Duo push/phone): server-sent events when the browser has EventSource (a
 * success is claimed with `POST /challenges/{kind}/claim`, which signs in), else — or when the stream ends without an
 * outcome — long polls `/challenges/{kind}/wait`. Resolves with the sign-in, throws an MfaError on a failure (Denied,
 * FraudReported, Expired…), and stops with an AbortError when the signal aborts.
 */
export async function waitForChallenge(kind, challengeId, { signal, purpose } = {}) {
  if (signal?.aborted) throw abortError();
  const Source = eventSourceClass();
  if (Source) {
    const outcome = await streamOutcome(Source, kind, challengeId, { signal, purpose });
    if (outcome?.event === "succeeded" && typeof outcome.data?.claimToken === "string") {
      return request("POST", `/challenges/${encodeURIComponent(kind)}/claim`, { claimToken: outcome.data.claimToken }, { signal });
    }
    if (outcome?.event === "failed") throw toMfaError(Number.isInteger(outcome.data?.status) ? outcome.data.status : 400, outcome.data);
  }
  for (;;) {
    if (signal?.aborted) throw abortError();
    const result = await request("POST", `/challenges/${encodeURIComponent(kind)}/wait`, { challengeId, purpose }, { signal });
    if (!result || !result.pending) return result;
  }
}

/** Push sign-in in one call: begins, reports the number to show through onPrompt, then waits. */
export async function signInWithPush({ purpose, onPrompt, signal } = {}) {
  const begun = await beginPush({ purpose });
  onPrompt?.(begun.prompt);
  return waitForChallenge("push", begun.challengeId, { signal, purpose });
}

/** Duo: Universal Prompt redirects the browser to Duo (the callback signs in); the Auth API modes are waited for. */
export async function signInWithDuo({ mode = "universalPrompt", device, passcode, purpose, returnUrl, signal } = {}) {
  const begun = await beginChallenge("duo", { mode, device, purpose, returnUrl });
  if (mode === "universalPrompt") {
    if (begun.prompt.authorizationUrl) {
      globalThis.location.assign(begun.prompt.authorizationUrl);
      return begun;
    }
    // Duo unreachable and failmode open: no redirect; completing says so (the sign-in carries no "mfa" amr).
    return completeChallenge("duo", { challengeId: begun.challengeId, purpose });
  }
  if (mode === "passcode") return completeChallenge("duo", { challengeId: begun.challengeId, purpose, passcode });
  return waitForChallenge("duo", begun.challengeId, { signal, purpose });
}
