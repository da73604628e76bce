import { initAll } from "./nhsuk/nhsuk-frontend.min.js";
initAll();

// "Mark as done" on a work list posts without leaving the page: the server answers with the list
// it redirects to (a success banner on top), which takes the place of the page's main content.
// Without JavaScript, or if anything goes wrong, the form posts and the browser follows as usual.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form.keywork-mark-done");
  if (!form) return;
  event.preventDefault();
  try {
    const response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
    const main = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main");
    if (!response.ok || !response.redirected || !main) throw new Error("not marked as done");
    document.querySelector("main").replaceWith(main);
    const banner = main.querySelector(".nhsuk-notification-banner");
    if (banner) {
      banner.setAttribute("tabindex", "-1");
      banner.focus();
    }
  } catch {
    form.submit();
  }
});
