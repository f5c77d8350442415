// The header's « Menu »: without this script a link to #menu (shown by :target); with it a
// button that opens and closes the menu in place (aria-expanded). The header turns compact
// when its menu would not fit on one row, so the desktop menu never wraps. Escape or a click
// elsewhere closes what is open.
(function () {
  "use strict";

  var header = document.querySelector(".site-header");
  var link = header && header.querySelector("[data-menu-toggle]");
  var nav = document.getElementById("menu");
  if (!link || !nav) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.innerHTML = link.innerHTML;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "menu");
  link.replaceWith(button);
  if (window.location.hash === "#menu") history.replaceState(null, "", window.location.pathname + window.location.search);

  function setOpen(open) {
    nav.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", String(open));
  }

  function closeGroups(except) {
    nav.querySelectorAll("details[open]").forEach(function (group) {
      if (group !== except) group.open = false;
    });
  }

  // Measured only where the menu is a row (wide screens), once the page is drawn: phones and
  // long pages pay no forced layout.
  var wide = window.matchMedia("(min-width: 64rem)");
  var pending = false;

  function fit() {
    pending = false;
    header.classList.remove("is-compact");
    var list = nav.querySelector(".main-nav__list");
    var items = list ? list.children : [];
    if (wide.matches && items.length) {
      var top = items[0].offsetTop;
      var wraps = Array.prototype.some.call(items, function (item) { return item.offsetTop > top; });
      header.classList.toggle("is-compact", wraps);
    }
  }

  function fitLater() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(fit);
  }

  button.addEventListener("click", function () { setOpen(button.getAttribute("aria-expanded") !== "true"); });
  nav.addEventListener("toggle", function (event) { if (event.target.open) closeGroups(event.target); }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var group = nav.querySelector("details[open]");
    if (group) {
      group.open = false;
      group.querySelector("summary").focus();
    } else if (nav.classList.contains("is-open")) {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener("click", function (event) { if (!nav.contains(event.target)) closeGroups(null); });
  window.addEventListener("resize", fitLater);
  if (wide.matches) fitLater();
})();
