// Counts the home figures up once they scroll into view. The true numbers are in the HTML and
// stay readable to assistive technologies throughout; the animation runs on an aria-hidden copy
// and ends by showing the server's own text again. Skipped when the user prefers reduced motion,
// and when the figures are on the first screen: they are read at once, and the page loads
// without a relayout at every frame.
(function () {
  "use strict";
  if (!("IntersectionObserver" in window)) return;
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;

  var DURATION = 1200;
  var format = null;  // made when first needed: building it costs a phone tens of milliseconds

  function animate(data) {
    var target = Number(data.value);
    if (!isFinite(target) || target <= 0) return;
    format = format || new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
    var finalText = data.textContent;
    var shown = document.createElement("span");
    shown.setAttribute("aria-hidden", "true");
    shown.className = "figure__counting";
    data.classList.add("visually-hidden");
    data.parentNode.insertBefore(shown, data);
    var start = null;
    var done = false;

    function finish() {
      if (done) return;
      done = true;
      shown.remove();
      data.classList.remove("visually-hidden");
      data.textContent = finalText;
    }

    function step(now) {
      if (done) return;
      if (start === null) start = now;
      var progress = Math.min((now - start) / DURATION, 1);
      if (progress >= 1) return finish();
      shown.textContent = format.format(Math.round(target * (1 - Math.pow(1 - progress, 3))));
      requestAnimationFrame(step);
    }
    // Whatever happens to the animation frames (hidden tab, slow device), the true text returns.
    setTimeout(finish, DURATION + 300);
    shown.textContent = format.format(0);
    requestAnimationFrame(step);
  }

  document.querySelectorAll("[data-count-up]").forEach(function (list) {
    var first = true;
    var observer = new IntersectionObserver(function (entries) {
      var onLoad = first;
      first = false;
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.disconnect();
        if (!onLoad) list.querySelectorAll("data[value]").forEach(animate);
      });
    }, { threshold: 0.5 });
    observer.observe(list);
  });
})();
