// The inbox's only script (a same-origin file, as the Content-Security-Policy requires): the
// "Copy" button beside a reply draft. Without JavaScript the button stays hidden and the draft
// can be selected and copied by hand.
"use strict";
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field || !navigator.clipboard) { return; }
  var label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = "✓ " + label;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
});
