/* Material reads the search box on key release only: a query pasted with the mouse, or Chinese
   text committed by an input method (its last key is released before the text arrives), would
   show nothing until another key. Every change of the box is passed on as a key release.
   Also: a table or chart wider than the page scrolls, so its scroll area takes the keyboard focus
   (arrow keys scroll it; axe-core: scrollable-region-focusable). */
(function () {
  window.wrReady(function () {
    var box = document.querySelector(".md-search__input");
    if (box && !box.dataset.wrInput) {
      box.dataset.wrInput = "1";
      ["input", "compositionend", "paste"].forEach(function (type) {
        box.addEventListener(type, function () {
          setTimeout(function () { box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })); }, 0);
        });
      });
    }
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .wr-chart").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        if (!wrap.classList.contains("wr-chart")) {  // a chart is a figure named by its caption
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", "可左右滚动的表格");
        }
      }
    });
  });
})();
