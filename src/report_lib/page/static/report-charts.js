/* Draws the book's charts: Vega specs (compiled from Vega-Lite when the page was built) rendered as SVG by the
   Vega runtime bundled before this file, with a small tooltip in place of vega-embed/vega-tooltip.
   report_lib.page.render writes each chart as <div class="report-chart-canvas"> plus a call to
   reportChart(element, spec); report_lib.page.sphinx_ext serves this file only on pages that hold a chart. */
(function () {
  "use strict";
  var OFFSET = 10;
  var box = null;

  function tooltipBox() {
    if (!box) {
      box = document.createElement("div");
      box.className = "report-tooltip";
      box.setAttribute("role", "tooltip");
      box.hidden = true;
      document.body.appendChild(box);
    }
    return box;
  }

  function text(value) {
    if (value === null || value === undefined) { return ""; }
    if (Array.isArray(value)) { return value.map(text).join(", "); }
    if (typeof value === "object") { return JSON.stringify(value); }
    return String(value);
  }

  function fill(element, value) {
    element.textContent = "";
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      element.textContent = text(value);
      return;
    }
    if (value.title !== undefined) {
      var title = document.createElement("p");
      title.className = "report-tooltip-title";
      title.textContent = text(value.title);
      element.appendChild(title);
    }
    var table = document.createElement("table");
    Object.keys(value).forEach(function (key) {
      if (key === "title" || key === "image" || value[key] === undefined) { return; }
      var row = table.insertRow();
      var name = document.createElement("th");
      name.textContent = key;
      row.appendChild(name);
      row.insertCell().textContent = text(value[key]);
    });
    element.appendChild(table);
  }

  function place(element, event) {
    var x = event.clientX + OFFSET, y = event.clientY + OFFSET;
    var width = element.offsetWidth, height = element.offsetHeight;
    if (x + width > window.innerWidth) { x = Math.max(0, event.clientX - OFFSET - width); }
    if (y + height > window.innerHeight) { y = Math.max(0, event.clientY - OFFSET - height); }
    element.style.left = x + "px";
    element.style.top = y + "px";
  }

  /* Vega's tooltip handler: value is the mark's tooltip (an object of field: text), or null to hide. */
  function tooltip(handler, event, item, value) {
    var element = tooltipBox();
    if (value === null || value === undefined || value === "") {
      element.hidden = true;
      return;
    }
    fill(element, value);
    element.hidden = false;
    place(element, event);
  }

  /* A chart wider than its column scrolls inside its box; keyboard users reach that scroll with Tab. */
  function focusableIfScrolling(element) {
    if (element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight) {
      element.setAttribute("tabindex", "0");
    } else {
      element.removeAttribute("tabindex");
    }
  }

  window.addEventListener("resize", function () {
    document.querySelectorAll(".report-chart-canvas[data-rendered]").forEach(focusableIfScrolling);
  });

  window.reportChart = function (element, spec) {
    var view = new vega.View(vega.parse(spec), {renderer: "svg", container: element, tooltip: tooltip});
    return view.runAsync()
      .then(function () { element.setAttribute("data-rendered", "true"); focusableIfScrolling(element); })
      .catch(function (error) { element.setAttribute("data-rendered", "error"); element.textContent = "Chart failed: " + error; });
  };
})();
