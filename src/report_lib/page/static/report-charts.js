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

  /* A chart wider than its column (none should be: see below) scrolls inside its box; keyboard users reach that
     scroll with Tab. */
  function focusableIfScrolling(element) {
    if (element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight) {
      element.setAttribute("tabindex", "0");
    } else {
      element.removeAttribute("tabindex");
    }
  }

  /* A faceted chart (panels of bars) has a fixed panel width, Vega-Lite being unable to size panels to their
     container; a chart of one view is sized by Vega itself (width "container", autosize fit-x). The panel width
     (signal child_width) is set to what the column leaves beside the labels, measured on the drawn chart. The labels
     at the end of the bars move with the panel, so the chart's width changes by a fraction (slope) of the panel's:
     each round corrects by the slope measured in the round before. */
  var PANELS = "child_width";
  var MIN_PANEL = 80;
  var ROUNDS = 5;

  function hasPanels(view) {
    try { view.signal(PANELS); return true; } catch (error) { return false; }
  }

  function drawnWidth(element) {
    var svg = element.querySelector("svg");
    return svg ? parseFloat(svg.getAttribute("width")) : NaN;
  }

  function fitPanels(view, element, round, slope) {
    var drawn = drawnWidth(element), column = element.clientWidth;
    if (isNaN(drawn) || column === 0 || round >= ROUNDS) { return Promise.resolve(); }
    var panel = view.signal(PANELS);
    var next = Math.max(MIN_PANEL, Math.floor(panel + (column - drawn) / (slope || 1)));
    if (next === panel || (drawn <= column && column - drawn < 2)) { return Promise.resolve(); }
    return view.signal(PANELS, next).runAsync().then(function () {
      var measured = (drawnWidth(element) - drawn) / (next - panel);
      return fitPanels(view, element, round + 1, Math.min(1, Math.max(0.2, measured || 1)));
    });
  }

  var views = [];
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      views.forEach(function (drawn) {
        fitPanels(drawn.view, drawn.element, 0, 1).then(function () { focusableIfScrolling(drawn.element); });
      });
      document.querySelectorAll(".report-chart-canvas[data-rendered]").forEach(focusableIfScrolling);
    }, 150);
  });

  window.reportChart = function (element, spec) {
    var view = new vega.View(vega.parse(spec), {renderer: "svg", container: element, tooltip: tooltip});
    element.reportView = view;
    return view.runAsync()
      .then(function () {
        if (!hasPanels(view)) { return null; }
        views.push({view: view, element: element});
        return fitPanels(view, element, 0, 1);
      })
      .then(function () { element.setAttribute("data-rendered", "true"); focusableIfScrolling(element); })
      .catch(function (error) { element.setAttribute("data-rendered", "error"); element.textContent = "Chart failed: " + error; });
  };
})();
