// PostGuard pages: photo previews before upload, and clicking a detected face to say who it is.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-preview]").forEach(function (input) {
    input.addEventListener("change", function () {
      var img = document.getElementById(input.dataset.preview);
      if (!img) { return; }
      if (input.files && input.files[0]) {
        img.src = URL.createObjectURL(input.files[0]);
        img.hidden = false;
      } else {
        img.hidden = true;
      }
    });
  });
  function chooseFace(face) {
    var select = document.getElementById("face-" + face.dataset.image + "-" + face.dataset.face);
    if (!select) { return; }
    document.querySelectorAll(".face.selected").forEach(function (f) { f.classList.remove("selected"); });
    face.classList.add("selected");
    select.focus();
    select.scrollIntoView({ block: "center" });
  }
  document.querySelectorAll(".face[tabindex='0']").forEach(function (face) {
    face.addEventListener("click", function () { chooseFace(face); });
    face.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); chooseFace(face); }
    });
  });
})();
