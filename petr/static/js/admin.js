// Names the admin's fields that Wagtail leaves unnamed for screen readers (axe:
// aria-input-field-name, label): a rich text area inside a StreamField block takes the block's
// heading, as the block's section does; the multiple upload's file input takes its button's text.
(function () {
  "use strict";

  function name(root) {
    var editors = root.querySelectorAll(
      ".public-DraftEditor-content[role='textbox']:not([aria-label]):not([aria-labelledby])"
    );
    Array.prototype.forEach.call(editors, function (editor) {
      var section = editor.closest("section[aria-labelledby]");
      if (section) editor.setAttribute("aria-labelledby", section.getAttribute("aria-labelledby"));
    });
    var upload = root.querySelector("#fileupload:not([aria-label])");
    var button = upload && upload.parentElement.querySelector("button");
    if (button) upload.setAttribute("aria-label", button.textContent.trim());
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      name(document);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { name(document); });
})();
