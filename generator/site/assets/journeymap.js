/* journeymap: fitting, zooming and panning maps, their overview strip and label column,
   step details beside the step, scroll cues on wide tables, and the card filters. */
(function () {
  "use strict";

  var MAX_ZOOM = 3;
  var LEGIBLE = 0.85; // a map opens fitted to its box's width, but never smaller than this

  function clamp(value, low, high) { return Math.min(high, Math.max(low, value)); }

  function setupFigure(figure) {
    if (figure.dataset.jmReady) return;
    var scroll = figure.querySelector(".jm-scroll");
    var svg = scroll && scroll.querySelector("svg.jm-map");
    if (!svg) return;
    figure.dataset.jmReady = "1";
    var labels = figure.querySelector(".jm-labels");
    var labelSvg = labels && labels.querySelector("svg");
    var strip = figure.querySelector(".jm-overview");
    var view = strip && strip.querySelector(".jm-ov-view");
    var details = figure.querySelector(".jm-details");
    var zoomLabel = figure.querySelector('[data-jm-zoom="0"]');
    var baseWidth = parseFloat(svg.getAttribute("width"));
    var baseHeight = parseFloat(svg.getAttribute("height"));
    var labelWidth = labelSvg ? parseFloat(labelSvg.getAttribute("width")) : 0;
    var zoom = 1;

    function boxHeight() { return window.innerHeight * 0.8; } // "whole map" fits 80% of the window
    function widthFit() { return Math.min(1, scroll.clientWidth / baseWidth); }
    function wholeFit() { return Math.min(widthFit(), (boxHeight() - 2) / baseHeight); }

    function apply() {
      svg.style.width = baseWidth * zoom + "px";
      svg.style.height = baseHeight * zoom + "px";
      if (labelSvg) {
        labelSvg.style.width = labelWidth * zoom + "px";
        labelSvg.style.height = baseHeight * zoom + "px";
      }
      if (zoomLabel) zoomLabel.textContent = Math.round(zoom * 100) + "%";
      sync();
    }

    // Zoom to `next`, keeping the map's point at (x, y) of the box where it is.
    function setZoom(next, x, y) {
      next = clamp(next, Math.min(0.25, wholeFit()), MAX_ZOOM);
      if (x === undefined) { x = scroll.clientWidth / 2; y = scroll.clientHeight / 2; }
      var mapX = (scroll.scrollLeft + x) / zoom;
      var mapY = (scroll.scrollTop + y) / zoom;
      zoom = next;
      apply();
      scroll.scrollLeft = mapX * zoom - x;
      scroll.scrollTop = mapY * zoom - y;
      sync();
    }

    // The point to keep still: the focused step's centre if it is in view, else the box's.
    function focusPoint() {
      var active = document.activeElement;
      if (active && svg.contains(active)) {
        var box = scroll.getBoundingClientRect();
        var rect = active.getBoundingClientRect();
        var x = rect.left + rect.width / 2 - box.left;
        var y = rect.top + Math.min(rect.height / 2, box.height / 2) - box.top;
        if (x >= 0 && x <= box.width) return [x, clamp(y, 0, box.height)];
      }
      return [undefined, undefined];
    }

    // The label column follows the map up and down and shows once the map scrolls sideways,
    // naming the stage whose band has scrolled under it.
    var stageName = labels && labels.querySelector(".jm-labels-stage");
    var stages = strip ? strip.querySelectorAll(".jm-ov-stage") : [];
    function stageInView() {
      var x0 = parseFloat(strip.dataset.x0);
      var x1 = parseFloat(strip.dataset.x1);
      var at = (scroll.scrollLeft / zoom + labelWidth - x0) / (x1 - x0) * 100;
      var found = "";
      stages.forEach(function (stage) {
        var left = parseFloat(stage.style.left);
        if (left <= at + 0.01) found = stage.getAttribute("title") || stage.textContent;
      });
      return found;
    }
    function sync() {
      if (labels) {
        labels.hidden = scroll.scrollLeft < 2;
        labels.style.height = scroll.clientHeight + "px";
        if (labelSvg) labelSvg.style.transform = "translateY(" + -scroll.scrollTop + "px)";
        if (stageName && strip && strip.dataset.bandY && !labels.hidden) {
          stageName.textContent = stageInView();
          stageName.style.top = parseFloat(strip.dataset.bandY) * zoom - scroll.scrollTop + "px";
          stageName.style.height = parseFloat(strip.dataset.bandH) * zoom + "px";
          stageName.style.width = Math.max(0, labelWidth * zoom - 6) + "px";
        }
      }
      if (strip) strip.hidden = baseWidth * zoom <= scroll.clientWidth + 1; // all of it is in view already
      if (view) {
        var x0 = parseFloat(strip.dataset.x0);
        var x1 = parseFloat(strip.dataset.x1);
        var shown0 = scroll.scrollLeft / zoom + (labels && !labels.hidden ? labelWidth : 0);
        var shown1 = (scroll.scrollLeft + scroll.clientWidth) / zoom;
        var left = clamp((shown0 - x0) / (x1 - x0), 0, 1);
        var right = clamp((shown1 - x0) / (x1 - x0), 0, 1);
        view.style.left = left * 100 + "%";
        view.style.width = Math.max(0, right - left) * 100 + "%";
      }
      if (details && !details.hidden && current) place(current);
    }

    figure.querySelectorAll("[data-jm-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var kind = button.dataset.jmZoom;
        if (kind === "fit") {
          setZoom(wholeFit(), 0, 0);
          scroll.scrollLeft = 0;
          scroll.scrollTop = 0;
          sync();
          return;
        }
        var step = parseInt(kind, 10);
        var point = focusPoint();
        setZoom(step === 0 ? 1 : zoom * (step > 0 ? 1.25 : 0.8), point[0], point[1]);
      });
    });
    scroll.addEventListener("wheel", function (event) {
      if (!event.ctrlKey) return; // a pinch or Ctrl+wheel zooms at the pointer; a plain wheel scrolls
      event.preventDefault();
      var box = scroll.getBoundingClientRect();
      setZoom(zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1), event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });
    scroll.addEventListener("keydown", function (event) {
      if (event.key !== "+" && event.key !== "=" && event.key !== "-") return;
      event.preventDefault();
      var point = focusPoint();
      setZoom(zoom * (event.key === "-" ? 0.8 : 1.25), point[0], point[1]);
    });
    scroll.addEventListener("scroll", sync, { passive: true });
    window.addEventListener("resize", sync);

    // The overview strip: press or drag to bring that part of the journey into the middle.
    if (strip) {
      var dragging = false;
      var goTo = function (event) {
        var rect = strip.getBoundingClientRect();
        var x0 = parseFloat(strip.dataset.x0);
        var x1 = parseFloat(strip.dataset.x1);
        var mapX = x0 + clamp((event.clientX - rect.left) / rect.width, 0, 1) * (x1 - x0);
        scroll.scrollLeft = mapX * zoom - scroll.clientWidth / 2;
        sync();
      };
      strip.addEventListener("pointerdown", function (event) {
        dragging = true;
        if (strip.setPointerCapture) strip.setPointerCapture(event.pointerId);
        goTo(event);
      });
      strip.addEventListener("pointermove", function (event) { if (dragging) goTo(event); });
      strip.addEventListener("pointerup", function () { dragging = false; });
      strip.addEventListener("pointercancel", function () { dragging = false; });
    }

    // Step details: beside the step, inside the window, until the pointer or focus leaves or Escape.
    var current = null;
    var hideTimer = 0;
    function place(group) {
      var cell = group.querySelector(".jm-cell") || group;
      var step = cell.getBoundingClientRect();
      var frame = scroll.getBoundingClientRect();
      var own = figure.getBoundingClientRect();
      var width = details.offsetWidth;
      var height = details.offsetHeight;
      var room = document.documentElement.clientWidth;
      var left = step.right + 8;
      if (left + width > room - 8) left = step.left - 8 - width; // no room on the right: on the left
      left = clamp(left, 8, Math.max(8, room - 8 - width));
      var header = document.querySelector(".md-header");
      var ceiling = header ? Math.max(8, header.getBoundingClientRect().bottom + 8) : 8;
      var top = clamp(Math.max(step.top, frame.top), ceiling, Math.max(ceiling, window.innerHeight - 8 - height));
      details.style.left = left - own.left + "px";
      details.style.top = top - own.top + "px";
    }
    function show(group) {
      var id = group.getAttribute("data-step");
      var source = document.getElementById("_jm-" + id);
      if (!details || !source) return;
      clearTimeout(hideTimer);
      var number = source.getAttribute("data-number");
      var name = group.getAttribute("aria-label") || number;
      details.innerHTML = "";
      var title = document.createElement("p");
      title.className = "jm-details-title";
      title.textContent = name;
      details.appendChild(title);
      var list = source.querySelector("dl");
      if (list) details.appendChild(list.cloneNode(true));
      details.querySelectorAll("a, [tabindex]").forEach(function (link) { link.setAttribute("tabindex", "-1"); });
      details.hidden = false;
      if (current) current.classList.remove("jm-active");
      current = group;
      group.classList.add("jm-active");
      place(group);
    }
    function hide() {
      if (!details) return;
      details.hidden = true;
      if (current) current.classList.remove("jm-active");
      current = null;
    }
    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    }
    function jump(group) {
      var id = group.getAttribute("data-step");
      var target = document.getElementById(id);
      if (target) {
        hide();
        target.scrollIntoView({ behavior: "smooth", block: "start" });
        history.replaceState(null, "", "#" + id);
      }
    }
    if (details) {
      details.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      details.addEventListener("mouseleave", hideSoon);
      window.addEventListener("scroll", function () { if (current) place(current); }, { passive: true });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && current) hide();
      });
    }
    svg.querySelectorAll(".jm-step").forEach(function (group) {
      group.addEventListener("mouseenter", function () { show(group); });
      group.addEventListener("mouseleave", hideSoon);
      group.addEventListener("focus", function () { show(group); });
      group.addEventListener("blur", hideSoon);
      group.addEventListener("click", function () { jump(group); });
      group.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          jump(group);
        }
      });
    });

    zoom = clamp(widthFit(), Math.min(LEGIBLE, 1), 1);
    apply();
  }

  // Wide tables scroll inside their own box; a cue above it says so while there is more to see.
  var CUE = { en: "Scroll sideways for more \u2192", nl: "Scroll opzij voor meer \u2192" };
  function setupTables() {
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    document.querySelectorAll(".md-typeset__scrollwrap, .jm-table-wrap").forEach(function (box) {
      if (!box.jmMark) {
        var cue = document.createElement("p");
        cue.className = "jm-cue";
        cue.setAttribute("aria-hidden", "true");
        cue.textContent = CUE[lang] || CUE.en;
        box.parentNode.insertBefore(cue, box);
        box.jmMark = function () { cue.hidden = box.scrollWidth - box.clientWidth - box.scrollLeft <= 2; };
        box.addEventListener("scroll", box.jmMark, { passive: true });
        window.addEventListener("resize", box.jmMark);
      }
      box.jmMark();
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
    setupTables();
    setTimeout(setupTables, 0); // again once the theme has wrapped the page's tables
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(setupTables);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
