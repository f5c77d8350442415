// The place form's map: a click sets the latitude and longitude fields (degrees with a decimal
// comma, as typed by hand), and the marker follows what is typed. Without JavaScript the map
// stays hidden and the fields are typed.
(function () {
  "use strict";

  function setUp(picker) {
    var frame = picker.dataset.frame.split(" ").map(Number);
    var west = frame[0], north = frame[1], xFactor = frame[2], scale = frame[3];
    var svg = picker.querySelector("svg");
    var marker = picker.querySelector(".place-picker__marker");
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    if (!lat || !lon) return;

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
    });
    lat.addEventListener("input", place);
    lon.addEventListener("input", place);
    picker.hidden = false;
    place();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".place-picker"), setUp);
  });
})();
