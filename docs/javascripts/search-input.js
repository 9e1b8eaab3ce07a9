/* Material reads the search box on key release only: a query pasted with the mouse, or Chinese
   text committed by an input method (its last key is released before the text arrives), would
   show nothing until another key. Every change of the box is passed on as a key release.
   The search dialog also gets its name here (axe-core: aria-dialog-name), rather than from a
   copy of the theme's whole search template. */
(function () {
  window.wrReady(function () {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "搜索");
    }
    var box = document.querySelector(".md-search__input");
    if (box && !box.dataset.wrInput) {
      box.dataset.wrInput = "1";
      ["input", "compositionend", "paste"].forEach(function (type) {
        box.addEventListener(type, function () {
          setTimeout(function () { box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })); }, 0);
        });
      });
    }
  });
})();
