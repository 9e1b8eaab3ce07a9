/* A table or chart wider than the page scrolls inside its box, so that box takes the keyboard
   focus: arrow keys scroll it (axe-core: scrollable-region-focusable). */
(function () {
  window.wrReady(function () {
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
