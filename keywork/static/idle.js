// The idle timeout's warning (IdleTimeoutMiddleware, keywork/accounts/middleware.py). Opening the page
// was activity, so its session ends the timeout after, or up to a minute sooner (the server notes
// activity once a minute); two minutes before that a dialog offers to stay signed in, and at the end
// the page reloads, so the server signs the user out and no one's record stays on an unattended
// screen. Without JavaScript there is no warning, and the server signs out just the same.
const WARNING_SECONDS = 120;
// The server counts whole seconds: reload just after its end, not just before.
const MARGIN_MS = 1000;
// Django's form security token, from its cookie (CSRF_COOKIE_NAME), sent as Django's header for it.
const CSRF_COOKIE = "csrftoken";
// Every open tab shares one session: a page opened or "Stay signed in" chosen in one tab moves the end
// in all of them, so a tab left in the background does not warn or reload while another is in use
// (and does not lose what was typed in it). Kept in localStorage, whose "storage" event tells the others.
const SHARED_END = "keywork-idle-ends-at";

const dialog = document.getElementById("idle-warning");
const form = dialog.querySelector("form");
const countdown = dialog.querySelector("[data-idle-countdown]");
let endsAt = 0;
let timer = 0;

function minutesInWords(milliseconds) {
  const minutes = Math.max(1, Math.ceil(milliseconds / 60000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

function laterEndFromAnotherTab() {
  const shared = Number(window.localStorage.getItem(SHARED_END));
  if (shared > endsAt) endsAt = shared;
}

function tick() {
  laterEndFromAnotherTab();
  const left = endsAt - Date.now();
  if (left <= -MARGIN_MS) {
    window.location.reload();
    return;
  }
  if (left <= WARNING_SECONDS * 1000) {
    // Changed only when the minute changes, so a screen reader is not read a number every second.
    const words = minutesInWords(left);
    if (countdown.textContent !== words) countdown.textContent = words;
    if (!dialog.open) dialog.showModal();
  } else if (dialog.open) {
    dialog.close();
  }
  timer = window.setTimeout(tick, 1000);
}

function countFrom(secondsLeft) {
  endsAt = Date.now() + secondsLeft * 1000;
  window.localStorage.setItem(SHARED_END, String(endsAt));
  window.clearTimeout(timer);
  tick();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const token = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`));
    const headers = { "X-CSRFToken": token ? token.slice(CSRF_COOKIE.length + 1) : "" };
    // Not following a redirect: one to the login page means the session has already ended. Should
    // the token be refused, the page reloads: itself activity, so the user stays signed in.
    const response = await fetch(form.action, { method: "POST", headers, redirect: "manual" });
    if (!response.ok) throw new Error("signed out");
    const { seconds_left: secondsLeft } = await response.json();
    dialog.close();
    countFrom(secondsLeft);
  } catch {
    window.location.reload();
  }
});
// Escape closes a dialog: taken as "Stay signed in", not as letting the session end unseen.
dialog.addEventListener("cancel", (event) => {
  event.preventDefault();
  form.requestSubmit();
});

countFrom(Number(document.body.dataset.idleTimeoutSeconds));
