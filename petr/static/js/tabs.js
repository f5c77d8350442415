// Turns a list of in-page links and their panels into WAI-ARIA tabs (automatic activation,
// arrow keys, Home/End, roving tabindex). Without this script every panel reads in sequence.
(function () {
  "use strict";

  function enhance(root) {
    var list = root.querySelector(".tabs__list");
    var tabs = Array.prototype.slice.call(root.querySelectorAll(".tabs__tab"));
    var panels = tabs.map(function (tab) {
      return document.getElementById(tab.getAttribute("href").slice(1));
    });
    if (!list || !tabs.length || panels.indexOf(null) !== -1) return;

    list.setAttribute("role", "tablist");
    Array.prototype.forEach.call(list.children, function (li) { li.setAttribute("role", "presentation"); });
    tabs.forEach(function (tab, i) {
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panels[i].id);
      panels[i].setAttribute("role", "tabpanel");
      panels[i].setAttribute("aria-labelledby", tab.id);
      panels[i].setAttribute("tabindex", "0");
      tab.addEventListener("click", function (event) {
        event.preventDefault();
        select(i, false);
      });
      tab.addEventListener("keydown", function (event) {
        var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        select((next + tabs.length) % tabs.length, true);
      });
    });

    function select(index, moveFocus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute("aria-selected", String(selected));
        tab.setAttribute("tabindex", selected ? "0" : "-1");
        panels[i].hidden = !selected;
      });
      if (moveFocus) tabs[index].focus();
    }

    var fromHash = panels.findIndex(function (panel) { return "#" + panel.id === location.hash; });
    select(fromHash === -1 ? 0 : fromHash, false);
    root.classList.add("tabs--enhanced");
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-tabs]"), enhance);
})();
