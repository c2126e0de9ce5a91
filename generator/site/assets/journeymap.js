/* journeymap: map zoom, step details on hover and keyboard focus, and card filters. */
(function () {
  "use strict";

  function setupFigure(figure) {
    if (figure.dataset.jmReady) return;
    figure.dataset.jmReady = "1";
    var scroll = figure.querySelector(".jm-scroll");
    var svg = scroll && scroll.querySelector("svg.jm-map");
    var details = figure.querySelector(".jm-details");
    if (!svg) return;
    var baseWidth = parseFloat(svg.getAttribute("width"));
    var baseHeight = parseFloat(svg.getAttribute("height"));
    var zoom = 1;
    function applyZoom() {
      svg.style.width = Math.round(baseWidth * zoom) + "px";
      svg.style.height = Math.round(baseHeight * zoom) + "px";
      var label = figure.querySelector('[data-jm-zoom="0"]');
      if (label) label.textContent = Math.round(zoom * 100) + "%";
    }
    figure.querySelectorAll("[data-jm-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = parseInt(button.dataset.jmZoom, 10);
        zoom = step === 0 ? 1 : Math.min(3, Math.max(0.25, zoom * (step > 0 ? 1.25 : 0.8)));
        applyZoom();
      });
    });
    applyZoom();

    function show(group) {
      var id = group.getAttribute("data-step");
      var source = document.getElementById("step-" + id);
      if (!details || !source) return;
      var heading = source.previousElementSibling;
      details.innerHTML = "";
      if (heading && /^H[1-6]$/.test(heading.tagName)) {
        var title = document.createElement("p");
        title.className = "jm-details-title";
        title.textContent = heading.textContent.replace(/¶$/, "").trim();
        details.appendChild(title);
      }
      details.appendChild(source.querySelector("dl").cloneNode(true));
      details.hidden = false;
      figure.querySelectorAll(".jm-step.jm-active").forEach(function (other) {
        other.classList.remove("jm-active");
      });
      group.classList.add("jm-active");
    }
    function jump(group) {
      var target = document.getElementById("step-" + group.getAttribute("data-step"));
      if (target) {
        var heading = target.previousElementSibling || target;
        heading.scrollIntoView({ behavior: "smooth", block: "start" });
        history.replaceState(null, "", "#step-" + group.getAttribute("data-step"));
      }
    }
    svg.querySelectorAll(".jm-step").forEach(function (group) {
      group.addEventListener("mouseenter", function () { show(group); });
      group.addEventListener("focus", function () { show(group); });
      group.addEventListener("click", function () { jump(group); });
      group.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          jump(group);
        }
      });
    });
  }

  function setupFilters(root) {
    if (root.dataset.jmReady) return;
    root.dataset.jmReady = "1";
    var selects = root.querySelectorAll("select[data-jm-filter]");
    var cards = root.querySelectorAll(".jm-card");
    var count = root.querySelector(".jm-count");
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var visible = true;
        selects.forEach(function (select) {
          var wanted = select.value;
          if (!wanted) return;
          var values = (card.getAttribute("data-" + select.dataset.jmFilter) || "").split("|");
          if (values.indexOf(wanted) === -1) visible = false;
        });
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) {
        count.textContent = count.dataset.template
          .replace("{shown}", String(shown))
          .replace("{total}", String(cards.length));
      }
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    apply();
  }

  function init() {
    // The theme's search dialog has no accessible name; give it the search field's.
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
      var input = dialog.querySelector("input");
      dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
    });
    document.querySelectorAll(".jm-figure").forEach(setupFigure);
    document.querySelectorAll(".jm-cards").forEach(setupFilters);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
