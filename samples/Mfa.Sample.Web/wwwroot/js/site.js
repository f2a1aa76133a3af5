// The sample's page helpers (an ES module): what to tell a person for each failure reason, and where to go next.
// Every call to the server goes through Mfa.AspNetCore's client: /_content/Mfa.AspNetCore/mfa.js.

const messages = {
  InvalidCode: "That code is not right. Check the app and try again.",
  Replayed: "That code was already used. Wait for the next one.",
  Expired: "That took too long. Please try again.",
  ChallengeNotFound: "This sign-in step is no longer valid. Please start again.",
  ChallengeMismatch: "This sign-in step is no longer valid. Please start again.",
  ChallengeAlreadyUsed: "This sign-in step is no longer valid. Please start again.",
  NotEnrolled: "You have not set up this method yet.",
  FactorNotAllowed: "Your administrator does not allow this method.",
  PolicyViolation: "Your administrator's policy does not allow this.",
  LastAuthenticator: "This is your last sign-in method while MFA is required: removing it would lock you out.",
  AlreadyEnrolled: "This is already set up.",
  UnknownAuthenticator: "This security key or passkey is not registered here.",
  CredentialNotAllowed: "This security key or passkey is not registered here.",
  UserVerificationRequired: "This authenticator must verify you (PIN or biometrics).",
  Denied: "The request was denied.",
  FraudReported: "The request was reported as not yours. Sign-in refused.",
  NumberMismatch: "The number typed on the phone did not match. Sign-in refused.",
  InvalidRecoveryCode: "That recovery code is not valid or was already used.",
  RateLimited: "Too many requests. Wait a little, or choose another method.",
  ReauthenticationRequired: "Please confirm it is you with a second factor first.",
  DuoUnavailable: "Duo is unavailable right now. Choose another method or try again later.",
  DuoPolicyBypass: "Duo let this sign-in through without a second factor, which this site does not accept.",
  StoreUnavailable: "Something went wrong on our side. Please try again in a moment.",
  SecretUnavailable: "Something went wrong on our side. Please try again in a moment.",
  RemoteFailure: "Something went wrong on our side. Please try again in a moment.",
  NotAuthenticated: "Your sign-in expired. Please start again.",
  AntiforgeryRejected: "This page is out of date. Reload it and try again.",
  MalformedInput: "That did not look right. Please check and try again.",
  Cancelled: "The request was cancelled or timed out.",
};

/** What to tell a person about a failure: an MfaError from mfa.js, a reason name, or anything thrown. */
export function describe(error, retryAfterSeconds) {
  const reason = typeof error === "string" ? error : error?.reason;
  const wait = typeof error === "string" ? retryAfterSeconds : error?.retryAfter;
  if (reason === "LockedOut") {
    return Number.isFinite(wait)
      ? `Too many failed attempts. Try again in ${Math.max(1, Math.ceil(wait / 60))} minute(s), or ask your administrator.`
      : "This account is locked after too many failed attempts. Ask your administrator to unlock it.";
  }
  // The browser refused to create a credential the options excluded (mfa.js names it AlreadyEnrolled).
  if (reason === "AlreadyEnrolled" && error?.problem === null) return "This authenticator is already registered.";
  if (messages[reason]) return messages[reason];
  console.warn("Unmapped failure", reason, error);
  return "That did not work. Please try again.";
}

/** Shows (or, with no message, hides) a message in an element. */
export function show(element, message) {
  const target = typeof element === "string" ? document.getElementById(element) : element;
  if (!target) return;
  target.textContent = message || "";
  target.hidden = !message;
}

/** Keeps a message for the next page of this tab (shown in the layout's notice). */
export function flash(message) {
  sessionStorage.setItem("sample.flash", message);
}

/** Goes to confirm with a second factor first, then back to returnUrl. */
export function stepUp(returnUrl = location.pathname, action = "manage-factors") {
  location.assign(`/Account/Mfa?stepUp=${encodeURIComponent(action)}&returnUrl=${encodeURIComponent(returnUrl)}`);
}

/** Handles a failed call: a stale session goes to step-up; anything else is shown in the element. */
export function fail(error, element, returnUrl) {
  if (error?.reason === "ReauthenticationRequired") {
    stepUp(returnUrl);
    return;
  }
  show(element, describe(error));
}

const flashed = sessionStorage.getItem("sample.flash");
if (flashed) {
  sessionStorage.removeItem("sample.flash");
  let notice = document.getElementById("notice");
  if (!notice) {
    notice = document.createElement("p");
    notice.className = "notice";
    notice.id = "notice";
    notice.setAttribute("role", "status");
    document.querySelector("main")?.prepend(notice);
  }
  notice.textContent = flashed;
}
