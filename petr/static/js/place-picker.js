// The place form's map: a click sets the latitude and longitude fields (degrees with a decimal
// comma, as typed by hand), and the marker follows what is typed. The chosen commune is
// outlined; a click in another commune chooses that one and says so (the server checks the
// same). Without JavaScript the map stays hidden and the fields are typed.
(function () {
  "use strict";

  function setUp(picker) {
    var frame = picker.dataset.frame.split(" ").map(Number);
    var west = frame[0], north = frame[1], xFactor = frame[2], scale = frame[3];
    var svg = picker.querySelector("svg");
    var marker = picker.querySelector(".place-picker__marker");
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    var commune = document.getElementById("id_commune");
    var where = picker.querySelector(".place-picker__where");
    if (!lat || !lon) return;

    function outline() {
      Array.prototype.forEach.call(svg.querySelectorAll("path"), function (path) {
        path.classList.toggle("is-chosen", !!commune && path.dataset.commune === commune.value);
      });
    }
    function chooseFrom(path) {
      if (!path || !commune) return;
      var before = commune.options[commune.selectedIndex];
      if (commune.value === path.dataset.commune) {
        where.textContent = "Point placé à " + path.dataset.name + ".";
        return;
      }
      commune.value = path.dataset.commune;
      commune.dispatchEvent(new Event("change", { bubbles: true }));
      where.textContent = "Point placé à " + path.dataset.name + " : commune choisie" +
        (before && before.value ? " à la place de " + before.textContent : "") + ".";
    }

    function read(input) {
      return parseFloat(input.value.replace(/\s/g, "").replace(",", "."));
    }
    function place() {
      var x = (read(lon) - west) * xFactor * scale;
      var y = (north - read(lat)) * scale;
      if (isFinite(x) && isFinite(y)) {
        marker.setAttribute("cx", x);
        marker.setAttribute("cy", y);
      }
    }
    svg.addEventListener("click", function (event) {
      var point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var at = point.matrixTransform(svg.getScreenCTM().inverse());
      lon.value = (west + at.x / (xFactor * scale)).toFixed(6).replace(".", ",");
      lat.value = (north - at.y / scale).toFixed(6).replace(".", ",");
      place();
      chooseFrom(event.target.closest("path"));
      outline();
    });
    if (commune) commune.addEventListener("change", outline);
    lat.addEventListener("input", place);
    lon.addEventListener("input", place);
    picker.hidden = false;
    place();
    outline();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".place-picker"), setUp);
  });
})();
