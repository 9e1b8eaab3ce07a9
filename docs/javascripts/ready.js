// Runs a page script once the page is ready, and again after each page Material swaps in
// without a reload (its document$). Loaded before the site's other scripts, which call it.
window.wrReady = function (run) {
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
};
