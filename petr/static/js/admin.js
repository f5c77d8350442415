// Shows the palette beside each colour typed as #RRVVBB (core/admin/colour_input.py), and
// repairs what Wagtail's own markup leaves wrong for screen readers (axe), as it appears:
// - a rich text area inside a StreamField block takes the block's heading, as its section does;
// - the multiple upload's file input takes its button's text; its tags field, its label;
// - the upload's progress bars are announced as such (aria-valuenow needs role=progressbar);
// - a link styled as a tab outside any tab list (« Rôles » on the new-user form) is a link;
// - a new block's empty title reads « sans titre »: its anchors and its minimap entry, named
//   after its heading, have a name (Wagtail writes the title over it once a field is typed).
(function () {
  "use strict";

  var UNTITLED = "sans titre";

  function each(root, selector, fix) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fix);
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
    each(root, ".c-sf-block__title[data-panel-heading-text]", function (title) {
      if (!title.textContent.trim()) title.textContent = UNTITLED;
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
