// Narrow the highlight cards by line of work, unit and tag. The cards are all there
// without this script; it only shows the filter bar and hides what does not match.
// Plain DOM, no library, nothing loaded from outside: it works offline and from file://.
(function () {
  function setUp(form) {
    var grid = document.getElementById(form.dataset.filterFor);
    if (!grid || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(grid.querySelectorAll(".wr-card"));
    var count = form.querySelector(".wr-filter__count");
    var empty = grid.parentNode.querySelector(".wr-filter__empty");
    function apply() {
      var category = form.elements.category.value;
      var unit = form.elements.unit.value;
      var tag = form.elements.tag.value;
      var shown = 0;
      cards.forEach(function (card) {
        var tags = card.dataset.tags ? card.dataset.tags.split("|") : [];
        var match = (!category || card.dataset.category === category) &&
          (!unit || card.dataset.unit === unit) &&
          (!tag || tags.indexOf(tag) >= 0);
        card.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown === cards.length ? "共 " + cards.length + " 项" : "显示 " + shown + " / " + cards.length + " 项";
      if (empty) empty.hidden = shown > 0;
    }
    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }
  function init() {
    document.querySelectorAll("form.wr-filter").forEach(setUp);
  }
  window.wrReady(init);
})();
