// Shows the palette beside each colour typed as #RRVVBB (core/admin/colour_input.py), and
// repairs what Wagtail's own markup leaves wrong for screen readers (axe), as it appears:
// - a rich text area inside a StreamField block takes the block's heading, as its section does;
// - the multiple upload's file input takes its button's text; its tags field, its label;
// - the upload's progress bars are announced as such (aria-valuenow needs role=progressbar);
// - a link styled as a tab outside any tab list (« Rôles » on the new-user form) is a link;
// - a new block's links (its anchors, its minimap entry) are named after its type, or its
//   list's label, while its heading is empty.
(function () {
  "use strict";

  function each(root, selector, fix) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fix);
  }

  // A list's items have no type: they take the list's label (« mesures »), the nearest label
  // among their ancestors' children.
  function listLabel(heading) {
    for (var el = heading.parentElement; el; el = el.parentElement) {
      var label = el.querySelector(":scope > label");
      if (label) return label.textContent.trim();
    }
    return "";
  }

  function repair(root) {
    each(root, ".public-DraftEditor-content[role='textbox']:not([aria-label]):not([aria-labelledby])",
      function (editor) {
        var section = editor.closest("section[aria-labelledby]");
        if (section) editor.setAttribute("aria-labelledby", section.getAttribute("aria-labelledby"));
      });
    var upload = root.querySelector("#fileupload:not([aria-label])");
    var button = upload && upload.parentElement.querySelector("button");
    if (button) upload.setAttribute("aria-label", button.textContent.trim());
    each(root, ".ui-autocomplete-input:not([aria-label])", function (input) {
      var label = input.closest(".w-field") && input.closest(".w-field").querySelector("label");
      input.setAttribute("aria-label", label ? label.textContent.trim() : "Mots-clés");
    });
    each(root, ".progress[aria-valuenow]:not([role])", function (bar) {
      bar.setAttribute("role", "progressbar");
      bar.setAttribute("aria-valuemin", "0");
      bar.setAttribute("aria-valuemax", "100");
      bar.setAttribute("aria-label", "Progression de l'envoi");
    });
    each(root, "[role='tab']", function (tab) {
      if (!tab.closest("[role='tablist']")) tab.removeAttribute("role");
    });
    each(root, "a.w-panel__anchor[aria-labelledby], a.w-minimap-item", function (link) {
      var id = link.getAttribute("aria-labelledby");
      var heading = id ? document.getElementById(id)
        : document.querySelector(link.getAttribute("href") + " [data-panel-heading]");
      var type = heading && heading.querySelector(".c-sf-block__type");
      if (!type) return;
      var name = type.textContent.trim() || listLabel(heading) || "bloc";
      var empty = !(id ? heading.innerText : link.textContent).trim();
      if (empty) link.setAttribute("aria-label", name);
      else if (link.hasAttribute("data-petr-named")) link.removeAttribute("aria-label");
      link.toggleAttribute("data-petr-named", empty);
    });
  }

  // The palette beside a colour field: each follows the other; the text field is the one sent.
  function palettes(root) {
    each(root, "input[data-colour-for]:not([data-ready])", function (palette) {
      var text = document.getElementById(palette.dataset.colourFor);
      if (!text) return;
      var valid = /^#[0-9a-fA-F]{6}$/;
      var follow = function () {
        if (valid.test(text.value)) palette.value = text.value.toLowerCase();
      };
      text.addEventListener("input", follow);
      palette.addEventListener("input", function () { text.value = palette.value; });
      palette.setAttribute("data-ready", "");
      palette.hidden = false;
      follow();
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      repair(document);
      palettes(document);
    });
  }).observe(document.documentElement, { childList: true, characterData: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () {
    repair(document);
    palettes(document);
  });
})();
