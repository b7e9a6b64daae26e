// The function explorer: overlay activations, move their parameters, read
// f and f' under the pointer or a keyboard cursor, and see the card's
// properties follow the parameters. The formulas are CourseActivations'
// (activations.js); the facts at default parameters come from the build.
(function (root) {
  "use strict";
  // Read when used: this script may run before common.js and activations.js.
  var W, A;
  function bind() {
    W = root.CourseWidgets;
    A = root.CourseActivations;
  }
  var INF = Infinity;

  // Facts of a function whose slope for x < 0 is a (leaky ReLU, PReLU, RReLU).
  function slope(a) {
    return { range: [a > 0 ? -INF : 0, INF], monotonic: a >= 0, smooth: a === 1, zero_centred: a === 1 };
  }

  // The card's facts at parameters p; `facts` are the facts at the defaults
  // (from course_code), kept for what no parameter changes.
  function properties(name, p, facts) {
    bind();
    var out = {
      range: facts.range.map(Number),
      monotonic: facts.monotonic,
      smooth: facts.smooth,
      zero_centred: facts.zero_centred,
      self_gated: facts.self_gated,
    };
    var change = {};
    if (name === "hardtanh") {
      change = { range: [p.min_val, p.max_val], zero_centred: Math.abs(p.min_val + p.max_val) < 1e-9 };
    } else if (name === "leaky_relu") change = slope(p.negative_slope);
    else if (name === "prelu") change = slope(p.weight);
    else if (name === "rrelu") change = slope((p.lower + p.upper) / 2);
    else if (name === "elu" || name === "celu") change = { range: [-p.alpha, INF] };
    else if (name === "softshrink" || name === "hardshrink") {
      // lambda = 0 makes both the identity.
      change = { smooth: p.lambd === 0 };
    }
    Object.assign(out, change);
    // Saturation: f' -> 0 in a tail (softsign's f' is 1e-16 at 1e8).
    var df = A.get(name, p).df;
    var lo = Math.abs(df(-1e8)) < 1e-9, hi = Math.abs(df(1e8)) < 1e-9;
    out.saturation = lo && hi ? "both" : lo ? "-inf" : hi ? "+inf" : "no";
    return out;
  }

  // The words of each saturation and family (keys of CourseWidgets.t).
  var SAT = { both: "explorer.saturates.both", "-inf": "explorer.saturates.left", "+inf": "explorer.saturates.right", no: "no" };
  var FAMILY = {
    sigmoid: "explorer.family.sigmoid",
    relu: "explorer.family.relu",
    smooth: "explorer.family.smooth",
    shrinkage: "explorer.family.shrinkage",
  };

  function mount(element, data) {
    bind();
    var el = W.el, fmt = W.fmt, t = W.translator(element);
    function yes(b) { return t(b ? "yes" : "no"); }
    var byKey = {};
    data.functions.forEach(function (fn) { byKey[fn.key] = fn; });
    var on = data.selected.slice();
    var params = {};
    data.functions.forEach(function (fn) { params[fn.key] = Object.assign({}, fn.params); });
    var half = 6; // the x range is [-half, half]
    var cursor = 0;
    var N = 241;

    function factsOf(key) {
      var fn = byKey[key];
      return key === "gelu" && params.gelu.approximate === "tanh" ? fn.facts_tanh : fn.facts;
    }

    // Choosing functions: one checkbox each, grouped by family on the full page.
    var choose = el("div", { class: "cw-ex-choose" });
    var groups = {};
    data.functions.forEach(function (fn) {
      var group = data.compact ? "" : fn.family;
      if (!groups[group]) {
        groups[group] = el("fieldset", {}, [el("legend", { text: data.compact ? t("explorer.functions") : FAMILY[group] ? t(FAMILY[group]) : group })]);
        choose.append(groups[group]);
      }
      var id = W.uid("fn");
      var box = el("input", { type: "checkbox", id: id, value: fn.key, checked: on.indexOf(fn.key) >= 0 });
      box.addEventListener("change", function () {
        if (box.checked) on.push(fn.key);
        else on = on.filter(function (k) { return k !== fn.key; });
        // Keep the catalogue order, so colours do not depend on click order.
        on = data.functions.map(function (f) { return f.key; }).filter(function (k) { return on.indexOf(k) >= 0; });
        controls();
        draw();
      });
      groups[group].append(el("span", { class: "cw-ex-item" }, [box, el("label", { for: id, text: fn.name })]));
    });

    var paramBox = el("div", { class: "cw-controls cw-ex-params" });
    var chart = W.chart({ width: 480, height: 300, x: [-half, half], y: [-1, 1], xLabel: "x", label: "" });
    var svgNode = chart.node;
    svgNode.setAttribute("tabindex", "0");
    svgNode.classList.add("cw-focusable");
    var legend = el("ul", { class: "cw-ex-legend" });
    var readout = el("div", { class: "cw-readout cw-ex-readout", "aria-live": "polite" });
    var facts = el("ul", { class: "cw-ex-facts", "aria-live": "polite" });
    var extra = el("div", { class: "cw-controls" });
    if (!data.compact) {
      extra.append(W.slider({
        label: t("explorer.xRange"), min: 1, max: 40, step: 1, value: half,
        onInput: function (v) { half = v; cursor = Math.max(-half, Math.min(half, cursor)); draw(); },
      }));
    }

    // One slider (or select) per parameter of each function drawn.
    function controls() {
      while (paramBox.firstChild) paramBox.removeChild(paramBox.firstChild);
      on.forEach(function (key) {
        var fn = byKey[key];
        Object.keys(fn.sliders).forEach(function (p) {
          var s = fn.sliders[p];
          paramBox.append(W.slider({
            label: t("explorer.parameter", { name: fn.name, param: p }), min: s.min, max: s.max, step: s.step, value: params[key][p],
            onInput: function (v) { params[key][p] = v; draw(); },
          }));
        });
        Object.keys(fn.choices).forEach(function (p) {
          paramBox.append(W.select({
            label: t("explorer.parameter", { name: fn.name, param: p }), choices: fn.choices[p], value: params[key][p],
            onChange: function (v) { params[key][p] = v; draw(); },
          }));
        });
      });
    }

    var cursorLine = null;
    function draw() {
      chart.setX([-half, half]);
      chart.clear();
      var xs = [], i;
      for (i = 0; i < N; i++) xs.push(-half + (2 * half * i) / (N - 1));
      var curves = on.map(function (key) {
        var g = A.get(key, params[key]);
        return { key: key, g: g, f: xs.map(g.f), df: xs.map(g.df) };
      });
      // y limits from what is drawn, 0 included.
      var lo = 0, hi = 0;
      curves.forEach(function (c) {
        c.f.concat(c.df).forEach(function (v) {
          if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        });
      });
      if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
      var pad = 0.06 * (hi - lo);
      chart.setY([lo - pad, hi + pad]);
      while (legend.firstChild) legend.removeChild(legend.firstChild);
      curves.forEach(function (c, n) {
        var cls = "cw-ex-c" + (n % 6);
        chart.line(xs, c.f, "cw-ex-f " + cls).setAttribute("data-key", c.key);
        chart.line(xs, c.df, "cw-ex-df " + cls).setAttribute("data-key", c.key);
        // A sample of each line beside its name (the chart's label says the rest).
        function sample(kind) {
          var node = W.svg("svg", { viewBox: "0 0 30 10", class: "cw-ex-sample", "aria-hidden": "true" });
          W.svg("line", { x1: 0, x2: 30, y1: 5, y2: 5, class: "cw-line " + kind + " " + cls }, node);
          return node;
        }
        legend.append(el("li", {}, [t("explorer.legend", { name: byKey[c.key].name }), sample("cw-ex-f"), "f ", sample("cw-ex-df"), "f′"]));
      });
      cursorLine = W.svg("line", { class: "cw-ex-cursor", y1: chart.margins.top, y2: chart.height - chart.margins.bottom }, chart.plot);
      var names = on.map(function (k) { return byKey[k].name; }).join(t("listSeparator"));
      svgNode.setAttribute("aria-label", t("explorer.chart", { names: names || t("explorer.noFunction"), from: fmt(-half), to: fmt(half) }));
      curvesNow = curves;
      showFacts();
      show();
    }

    var curvesNow = [];
    function show() {
      var px = chart.x(cursor);
      cursorLine.setAttribute("x1", px);
      cursorLine.setAttribute("x2", px);
      readout.setAttribute("data-x", String(cursor));
      while (readout.firstChild) readout.removeChild(readout.firstChild);
      readout.append(el("p", { text: "x = " + fmt(cursor, 6) }));
      curvesNow.forEach(function (c) {
        readout.append(el("p", {
          "data-key": c.key,
          text: t("explorer.readout", { name: byKey[c.key].name, f: fmt(c.g.f(cursor), 6), df: fmt(c.g.df(cursor), 6) }),
        }));
      });
    }

    function showFacts() {
      while (facts.firstChild) facts.removeChild(facts.firstChild);
      on.forEach(function (key) {
        var p = properties(key, params[key], factsOf(key));
        facts.append(el("li", { "data-key": key }, [
          el("strong", { text: byKey[key].name }),
          t("explorer.facts", {
            from: fmt(p.range[0], 5),
            to: fmt(p.range[1], 5),
            monotonic: yes(p.monotonic),
            zeroCentred: yes(p.zero_centred),
            saturates: t(SAT[p.saturation]),
          }),
        ]));
      });
    }

    // The cursor moves on a grid of 1/60 of the half-width, so keyboard
    // positions are exact decimals (x = k * half / 60).
    function moveTo(x) {
      var step = half / 60;
      var k = Math.round(Math.max(-half, Math.min(half, x)) / step);
      cursor = Number((k * step).toFixed(10));
      show();
    }
    // The readout is announced when the keyboard moves the cursor, not at
    // every pointer move, which would flood a screen reader.
    svgNode.addEventListener("keydown", function (event) {
      readout.setAttribute("aria-live", "polite");
      var step = half / 60;
      var moves = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step, PageUp: 10 * step, PageDown: -10 * step };
      if (event.key in moves) moveTo(cursor + moves[event.key]);
      else if (event.key === "Home") moveTo(-half);
      else if (event.key === "End") moveTo(half);
      else return;
      event.preventDefault();
    });
    svgNode.addEventListener("pointermove", function (event) {
      readout.setAttribute("aria-live", "off");
      var m = svgNode.getScreenCTM();
      if (!m) return;
      var pt = svgNode.createSVGPoint();
      pt.x = event.clientX;
      pt.y = event.clientY;
      var local = pt.matrixTransform(m.inverse());
      var left = chart.margins.left, right = chart.width - chart.margins.right;
      moveTo(-half + ((local.x - left) / (right - left)) * 2 * half);
    });

    var fallback = element.querySelector(".course-widget__fallback");
    var box = el("div", { class: "cw-ex" + (data.compact ? " cw-ex--compact" : "") }, [
      choose, paramBox, extra, svgNode, legend, readout, facts,
    ]);
    element.insertBefore(box, fallback);
    controls();
    draw();
  }

  root.CourseExplorer = { properties: properties };
  (root.courseWidgets = root.courseWidgets || []).push(["explorer", mount, ["CourseActivations"]]);
})(typeof window !== "undefined" ? window : globalThis);
