// The "Print" button of a printable page (the crisis plan): it can only print with script, so it
// stays hidden without it.
for (const button of document.querySelectorAll("[data-keywork-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
