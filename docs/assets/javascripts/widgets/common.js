// What the course's widgets share (hooks/_widgets.py places them in pages):
// mounting that survives Material's instant navigation, a seeded random
// generator, and small helpers for labelled controls and SVG charts.
//
// A widget script queues itself, whichever script runs first (instant
// navigation inserts a page's scripts together, and each runs when it
// arrives), naming the globals its mount function needs:
//   (window.courseWidgets = window.courseWidgets || [])
//     .push([name, mount, ["CourseActivations"]]);
// A widget is mounted once common.js and every global it needs are there;
// a shared script such as activations.js calls CourseWidgets.mountAll()
// when it has run.
// Every element
// <div class="course-widget" data-widget="name"> not yet mounted is then
// passed to mount(element, data), data being the JSON the build wrote into
// its data-json attribute. Scripts in a page run again when instant
// navigation brings the page in, so this file defines CourseWidgets once and otherwise only
// mounts what is new. It also runs in Node (tests/widget_js.py): nothing
// here touches the DOM until a widget is mounted.
//
// Words: everything a widget writes comes from CourseWidgets.t(key, values,
// lang), which fills the {slots} of the text `key` of a language's table.
// The English table is below; another language's is its own script
// (strings-zh.js), which pages in that language load, and whose widgets
// carry data-lang="zh": such a widget is mounted once its table is there.
// Names that come with the data (data sets, initialisations) are written
// in the page's language by the build (hooks/_widget_i18n.py).
(function (root) {
  "use strict";
  if (root.CourseWidgets) {
    root.CourseWidgets.mountAll();
    return;
  }
  var SVG_NS = "http://www.w3.org/2000/svg";
  var registry = {};
  var counter = 0;

  // The tables of every language, by language; a table is its language's
  // text for each key. strings-zh.js may have run first and added its own.
  var STRINGS = (root.CourseWidgetStrings = root.CourseWidgetStrings || {});
  STRINGS.en = {
    // Shared
    yes: "yes",
    no: "no",
    listSeparator: ", ",
    activation: "Activation",
    // The explorer (explorer.js)
    "explorer.functions": "Functions",
    "explorer.family.sigmoid": "Sigmoid family",
    "explorer.family.relu": "ReLU family",
    "explorer.family.smooth": "Smooth functions",
    "explorer.family.shrinkage": "Shrinkage",
    "explorer.xRange": "x range ±",
    "explorer.parameter": "{name} {param}",
    "explorer.legend": "{name}: ",
    "explorer.chart":
      "Chart of {names} and their derivatives for x from {from} to {to}; arrow keys move the cursor.",
    "explorer.noFunction": "no function",
    "explorer.readout": "{name}: f(x) = {f}, f′(x) = {df}",
    "explorer.facts":
      ": range {from} to {to}; monotonic: {monotonic}; zero-centred: {zeroCentred}; saturates: {saturates}",
    "explorer.saturates.both": "for x → ±∞",
    "explorer.saturates.left": "for x → −∞",
    "explorer.saturates.right": "for x → +∞",
    // Gradient flow through depth (depth.js)
    "depth.initialisation": "Initialisation",
    "depth.depth": "Depth",
    "depth.width": "Width",
    "depth.weightScale": "Weight scale",
    "depth.newDraw": "New draw",
    "depth.layer": "layer",
    "depth.title.variance": "Variance of the activations h (log scale)",
    "depth.title.gradNorm": "Gradient norm, ‖∂L/∂z‖ per example (log scale)",
    "depth.title.dead": "Share of units with z ≤ 0 for every example",
    "depth.network": "{name}, {depth} layers of {width} units",
    "depth.chart.variance":
      "Variance of the activations per layer ({network}), log scale: {first} at layer 1, {last} at layer {depth}.",
    "depth.chart.gradNorm":
      "Gradient norm per layer ({network}), log scale: {first} at layer 1, {last} at layer {depth}.",
    "depth.chart.dead":
      "Share of units with a pre-activation of at most 0 for every example, per layer: {last} at layer {depth}.",
    "depth.draw": "draw {seed}, weight std {std}",
    "depth.summary":
      "Gradient norm at layer 1 is {gradient} of its value at layer {depth}: {gradientVerdict}. " +
      "Variance of the activations at layer {depth} is {variance} of that at layer 1: {varianceVerdict}. " +
      "At layer {depth}, {dead} % of the units have z ≤ 0 for every example (for ReLU, dead units).",
    "depth.vanishing": "vanishing",
    "depth.exploding": "exploding",
    "depth.sameOrder": "of the same order",
    "depth.fades": "the signal fades",
    "depth.grows": "the signal grows",
    "depth.keeps": "the signal keeps its scale",
    // The network playground (playground.js)
    "playground.dataset": "Data set",
    "playground.hiddenLayers": "Hidden layers",
    "playground.units": "Units per layer",
    "playground.learningRate": "Learning rate",
    "playground.seed": "Seed",
    "playground.train": "Train",
    "playground.pause": "Pause",
    "playground.step": "Step",
    "playground.reset": "Reset",
    "playground.epoch": "Epoch",
    "playground.loss": "Loss",
    "playground.lossChart": "The training loss, epoch by epoch, on a logarithmic scale",
    "playground.regions":
      "Decision regions of the network on the {dataset} data set, with its {points} training points, one marker shape per class",
    "playground.untrained": "Epoch 0: not trained yet.",
    "playground.training": "Epoch {epoch}: loss {loss}, training accuracy {accuracy} %.",
    "playground.solved":
      "Epoch {epoch}: loss {loss}, training accuracy {accuracy} %. Every training point is classified right.",
    "playground.stopped":
      "Epoch {epoch}: loss {loss}, training accuracy {accuracy} %. Stopped after {epoch} epochs.",
    "playground.diverged":
      "Epoch {epoch}: loss {loss}, training accuracy {accuracy} %: the loss diverged; lower the learning rate and reset.",
  };

  // The text `key` in language `lang` (default English), its {slots}
  // filled from `values`; a key missing in lang's table is English's.
  function t(key, values, lang) {
    var table = STRINGS[lang || "en"] || STRINGS.en;
    var text = key in table ? table[key] : STRINGS.en[key];
    if (text === undefined) throw new Error("CourseWidgets.t: no text " + key);
    return text.replace(/\{(\w+)\}/g, function (slot, name) {
      if (!values || !(name in values)) throw new Error("CourseWidgets.t: " + key + " needs {" + name + "}");
      return String(values[name]);
    });
  }

  // t for a widget element: in the language of its data-lang (English
  // without one).
  function translator(node) {
    var lang = node.getAttribute("data-lang") || "en";
    return function (key, values) {
      return t(key, values, lang);
    };
  }

  // Mulberry32: a 32-bit state, period 2**32, enough for drawing weights
  // and data; the same seed gives the same numbers in every browser.
  function rng(seed) {
    var state = seed >>> 0;
    var spare = null;
    function uniform() {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    // Standard normal by Box-Muller, the second value of each pair kept.
    function normal() {
      if (spare !== null) {
        var kept = spare;
        spare = null;
        return kept;
      }
      var u = 1 - uniform(); // in (0, 1]: log(u) is finite
      var v = uniform();
      var r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    }
    return { uniform: uniform, normal: normal };
  }

  function uid(prefix) {
    counter += 1;
    return "cw-" + prefix + "-" + counter;
  }

  // An element with attributes and children (strings become text).
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    setAttributes(node, attributes);
    (children || []).forEach(function (child) {
      node.append(child);
    });
    return node;
  }

  function svg(tag, attributes, parent) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attributes);
    if (parent) parent.appendChild(node);
    return node;
  }

  function setAttributes(node, attributes) {
    Object.keys(attributes || {}).forEach(function (key) {
      var value = attributes[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    });
  }

  // A number as a reader wants it: up to `digits` significant digits,
  // scientific notation outside [1e-3, 1e5), a true minus sign.
  function fmt(x, digits) {
    digits = digits || 4;
    if (Number.isNaN(x)) return "NaN";
    if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
    if (x === 0) return "0";
    var a = Math.abs(x);
    var text =
      a >= 1e-3 && a < 1e5
        ? String(Number(x.toPrecision(digits)))
        : x.toExponential(digits - 1).replace(/\.?0+e/, "e");
    return text.replace(/-/g, "−");
  }

  // A labelled slider with its value shown beside it. options: label, min,
  // max, step, value, format (number -> text), onInput (number -> void).
  function slider(options) {
    var id = uid("slider");
    var show = options.format || function (v) { return fmt(v, 3); };
    var input = el("input", {
      type: "range",
      id: id,
      min: options.min,
      max: options.max,
      step: options.step,
      value: options.value,
    });
    var output = el("output", { for: id, "aria-hidden": "true" });
    function update() {
      var value = Number(input.value);
      output.textContent = show(value);
      input.setAttribute("aria-valuetext", show(value));
      return value;
    }
    update();
    input.addEventListener("input", function () {
      var value = update();
      if (options.onInput) options.onInput(value);
    });
    var node = el("div", { class: "cw-control cw-control--slider" }, [
      el("label", { for: id, text: options.label }),
      input,
      output,
    ]);
    return node;
  }

  // A labelled <select>. choices: [[value, text], ...].
  function select(options) {
    var id = uid("select");
    var input = el(
      "select",
      { id: id },
      options.choices.map(function (choice) {
        return el("option", { value: choice[0], text: choice[1] });
      })
    );
    if (options.value !== undefined) input.value = options.value;
    input.addEventListener("change", function () {
      if (options.onChange) options.onChange(input.value);
    });
    var node = el("div", { class: "cw-control cw-control--select" }, [
      el("label", { for: id, text: options.label }),
      input,
    ]);
    return node;
  }

  function button(label, onClick, attributes) {
    var node = el("button", Object.assign({ type: "button", class: "md-button cw-button" }, attributes || {}), [label]);
    node.addEventListener("click", onClick);
    return node;
  }

  function reducedMotion() {
    return !!(root.matchMedia && root.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  // "Nice" tick values covering [lo, hi], about `count` of them.
  function ticks(lo, hi, count) {
    var span = hi - lo;
    if (!(span > 0)) return [lo];
    var step = Math.pow(10, Math.floor(Math.log10(span / count)));
    var err = (count * step) / span;
    if (err <= 0.15) step *= 10;
    else if (err <= 0.35) step *= 5;
    else if (err <= 0.75) step *= 2;
    var out = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  // An SVG chart with axes. options: width, height (viewBox units), x and y
  // ([lo, hi]), xLabel, yLabel, label (the chart's accessible name), yScale
  // ("linear" or "log"). Returns { node, x(v), y(v), line(xs, ys, cls),
  // clear(), setY([lo, hi]) }; lines go into a group that clear() empties.
  function chart(options) {
    var W = options.width || 480;
    var H = options.height || 300;
    var m = { left: 44, right: 10, top: 10, bottom: 34 };
    var node = svg("svg", {
      viewBox: "0 0 " + W + " " + H,
      class: "cw-chart",
      role: "img",
      "aria-label": options.label || "",
    });
    var axes = svg("g", { class: "cw-axes" }, node);
    var plot = svg("g", { class: "cw-lines" }, node);
    var state = { x: options.x, y: options.y, log: options.yScale === "log" };
    function tx(v) {
      return m.left + ((v - state.x[0]) / (state.x[1] - state.x[0])) * (W - m.left - m.right);
    }
    function ty(v) {
      var lo = state.y[0], hi = state.y[1];
      if (state.log) {
        v = Math.log10(v);
        lo = Math.log10(lo);
        hi = Math.log10(hi);
      }
      return H - m.bottom - ((v - lo) / (hi - lo)) * (H - m.top - m.bottom);
    }
    function drawAxes() {
      while (axes.firstChild) axes.removeChild(axes.firstChild);
      var x0 = m.left, x1 = W - m.right, y0 = H - m.bottom, y1 = m.top;
      ticks(state.x[0], state.x[1], 6).forEach(function (v) {
        svg("line", { x1: tx(v), x2: tx(v), y1: y1, y2: y0, class: "cw-grid" }, axes);
        svg("text", { x: tx(v), y: y0 + 14, "text-anchor": "middle", text: fmt(v, 3) }, axes);
      });
      var yt = state.log
        ? ticks(Math.log10(state.y[0]), Math.log10(state.y[1]), 5).map(function (e) { return Math.pow(10, Math.round(e)); })
        : ticks(state.y[0], state.y[1], 5);
      yt.forEach(function (v) {
        if (v < state.y[0] || v > state.y[1]) return;
        svg("line", { x1: x0, x2: x1, y1: ty(v), y2: ty(v), class: "cw-grid" }, axes);
        svg("text", { x: x0 - 4, y: ty(v) + 4, "text-anchor": "end", text: fmt(v, 3) }, axes);
      });
      svg("rect", { x: x0, y: y1, width: x1 - x0, height: y0 - y1, class: "cw-frame" }, axes);
      if (options.xLabel)
        svg("text", { x: (x0 + x1) / 2, y: H - 4, "text-anchor": "middle", class: "cw-axis-label", text: options.xLabel }, axes);
      if (options.yLabel)
        svg("text", { x: 12, y: (y0 + y1) / 2, "text-anchor": "middle", class: "cw-axis-label", transform: "rotate(-90 12 " + (y0 + y1) / 2 + ")", text: options.yLabel }, axes);
    }
    drawAxes();
    // A polyline through the finite points, broken where a value is not.
    function line(xs, ys, cls) {
      var d = "", pen = false;
      for (var i = 0; i < xs.length; i++) {
        var ok = Number.isFinite(ys[i]) && (!state.log || ys[i] > 0);
        if (!ok) {
          pen = false;
          continue;
        }
        var py = Math.max(-H, Math.min(2 * H, ty(ys[i])));
        d += (pen ? "L" : "M") + tx(xs[i]).toFixed(2) + " " + py.toFixed(2);
        pen = true;
      }
      return svg("path", { d: d, class: "cw-line " + (cls || "") }, plot);
    }
    return {
      node: node,
      x: tx,
      y: ty,
      line: line,
      plot: plot,
      clear: function () {
        while (plot.firstChild) plot.removeChild(plot.firstChild);
      },
      setY: function (range) {
        state.y = range;
        drawAxes();
      },
      setX: function (range) {
        state.x = range;
        drawAxes();
      },
      margins: m,
      width: W,
      height: H,
    };
  }

  function register(name, mount, needs) {
    registry[name] = { mount: mount, needs: needs || [] };
    mountAll();
  }

  function ready(entry) {
    return entry && entry.needs.every(function (global) {
      return root[global] !== undefined;
    });
  }

  function mountAll() {
    if (typeof document === "undefined") return;
    var nodes = document.querySelectorAll(".course-widget[data-widget]:not([data-mounted])");
    Array.prototype.forEach.call(nodes, function (node) {
      var entry = registry[node.getAttribute("data-widget")];
      // Its scripts and the table of its language must all have run.
      if (!ready(entry) || !STRINGS[node.getAttribute("data-lang") || "en"]) return;
      node.setAttribute("data-mounted", "");
      // Each widget in a task of its own: the deferred scripts run in the
      // task that then tells the theme the page is loaded, and a widget's
      // work would make that long task longer still.
      setTimeout(function () {
        if (!node.isConnected) return; // instant navigation took it away
        var data = JSON.parse(node.getAttribute("data-json") || "{}");
        try {
          entry.mount(node, data);
          node.classList.add("course-widget--live");
        } catch (error) {
          // The static version stays in place.
          if (root.console) root.console.error(error);
        }
      }, 0);
    });
  }

  // The queue of widget scripts that ran before this one, then direct calls.
  var queued = Array.isArray(root.courseWidgets) ? root.courseWidgets : [];
  root.courseWidgets = {
    push: function (entry) {
      register(entry[0], entry[1], entry[2]);
    },
  };

  root.CourseWidgets = {
    rng: rng,
    uid: uid,
    el: el,
    svg: svg,
    fmt: fmt,
    slider: slider,
    select: select,
    button: button,
    chart: chart,
    ticks: ticks,
    reducedMotion: reducedMotion,
    t: t,
    translator: translator,
    register: register,
    mountAll: mountAll,
  };
  queued.forEach(root.courseWidgets.push);
})(typeof window !== "undefined" ? window : globalThis);
