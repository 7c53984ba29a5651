// PostGuard pages: photo previews before upload, and clicking a detected face to say who it is.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-preview]").forEach(function (input) {
    input.addEventListener("change", function () {
      var img = document.getElementById(input.dataset.preview);
      if (!img) { return; }
      if (input.files && input.files[0] && input.files[0].type.indexOf("video/") === 0) {
        img.hidden = true; // a clip: its face tracks are shown once it is analysed
      } else if (input.files && input.files[0]) {
        img.src = URL.createObjectURL(input.files[0]);
        img.hidden = false;
      } else {
        img.hidden = true;
      }
    });
  });
  // A clicked face: on the edit page, the list that says who it is; on the redaction page, its "hide" box.
  function chooseFace(face) {
    var control = document.getElementById("face-" + face.dataset.image + "-" + face.dataset.face);
    if (!control) { return; }
    document.querySelectorAll(".face.selected").forEach(function (f) { f.classList.remove("selected"); });
    face.classList.add("selected");
    if (control.type === "checkbox") {
      control.checked = !control.checked;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
    control.focus();
    control.scrollIntoView({ block: "center" });
  }
  // The redacted preview follows the faces ticked to hide.
  document.querySelectorAll("fieldset.redact-faces").forEach(function (set) {
    set.addEventListener("change", function () {
      var img = document.getElementById(set.dataset.preview);
      if (!img) { return; }
      var faces = Array.prototype.map.call(set.querySelectorAll("input.redact-choice:checked"), function (c) { return c.value; });
      img.src = set.dataset.url + faces.join(",");
    });
  });
  document.querySelectorAll(".face[tabindex='0']").forEach(function (face) {
    face.addEventListener("click", function () { chooseFace(face); });
    face.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); chooseFace(face); }
    });
  });
})();
