// Keys for the photo viewer of the case pages (which works by :target without this):
// Esc closes, the arrow keys go to the previous or next photo.
(function () {
  document.addEventListener("keydown", function (event) {
    var open = document.querySelector(".wr-lightbox:target");
    if (!open) return;
    var key = event.key === "Escape" ? ".wr-lightbox__close" : event.key === "ArrowLeft" ? "a[rel=prev]" : event.key === "ArrowRight" ? "a[rel=next]" : null;
    var link = key && open.querySelector(key);
    if (link) {
      event.preventDefault();
      location.hash = link.getAttribute("href");
    }
  });
})();
