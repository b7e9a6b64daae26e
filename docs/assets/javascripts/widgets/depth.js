// Gradient flow through depth: course_code.experiments.depth_signal in the
// page. Square layers without biases, standard-normal weights Z scaled by
// the initialisation's standard deviation, inputs x ~ N(0, I), and the loss
// L = sum(h_L * r) with r ~ N(0, I). Per layer: the variance of the
// activations, the gradient norm sqrt(sum(dL/dz^2) / batch), and the share
// of units whose pre-activation is <= 0 for every example of the batch
// (course_code.nn.dead_unit_fraction). The hook (hooks/_widget_depth.py)
// gives the choices and the standard deviations.
(function (root) {
  "use strict";

  // Inputs, output gradient, then the weights layer by layer, from one
  // seeded stream: a deeper network with the same seed and width keeps the
  // layers it had.
  function draw(seed, width, depth, batch, drawn) {
    if (!drawn || drawn.seed !== seed || drawn.width !== width || drawn.batch !== batch) {
      var random = CourseWidgets.rng(seed);
      drawn = { seed: seed, width: width, batch: batch, random: random, Z: [] };
      drawn.X = normals(random, batch * width);
      drawn.r = normals(random, batch * width);
    }
    while (drawn.Z.length < depth) drawn.Z.push(normals(drawn.random, width * width));
    return drawn;
  }

  function normals(random, n) {
    var out = new Float64Array(n);
    for (var i = 0; i < n; i++) out[i] = random.normal();
    return out;
  }

  // out[b, i] = (sum over j of A[b, j] M[i, j]) * scale, each sum taken in
  // order of j; two rows of A and four of M at a time, so that the eight
  // sums run side by side and each value read serves several of them.
  function rowdot(A, M, out, B, n, scale) {
    var b, i, j, k;
    for (b = 0; b < B; b += 2) {
      var a0 = b * n, a1 = b + 1 < B ? a0 + n : a0;
      for (i = 0; i < n; i += 4) {
        var m0 = i * n, m1 = i + 1 < n ? m0 + n : m0, m2 = i + 2 < n ? m0 + 2 * n : m0, m3 = i + 3 < n ? m0 + 3 * n : m0;
        var s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (j = 0; j < n; j++) {
          var x0 = A[a0 + j], x1 = A[a1 + j];
          var w0 = M[m0 + j], w1 = M[m1 + j], w2 = M[m2 + j], w3 = M[m3 + j];
          s00 += x0 * w0; s01 += x0 * w1; s02 += x0 * w2; s03 += x0 * w3;
          s10 += x1 * w0; s11 += x1 * w1; s12 += x1 * w2; s13 += x1 * w3;
        }
        if (b + 1 < B && i + 3 < n) {
          var o0 = a0 + i, o1 = a1 + i;
          out[o0] = s00 * scale; out[o0 + 1] = s01 * scale; out[o0 + 2] = s02 * scale; out[o0 + 3] = s03 * scale;
          out[o1] = s10 * scale; out[o1 + 1] = s11 * scale; out[o1 + 2] = s12 * scale; out[o1 + 3] = s13 * scale;
        } else {
          // A ragged edge: keep only the sums that exist.
          var sums = [s00, s01, s02, s03, s10, s11, s12, s13];
          for (k = 0; k < 8; k++) {
            var bb = b + (k >> 2), ii = i + (k & 3);
            if (bb < B && ii < n) out[bb * n + ii] = sums[k] * scale;
          }
        }
      }
    }
  }

  function transpose(Z, n) {
    var T = new Float64Array(n * n);
    for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) T[j * n + i] = Z[i * n + j];
    return T;
  }

  // o: { f, df, std, Z: [n*n row-major], X, r: [batch*n], width, depth }.
  // The same operations, in the same order, as experiments._propagate, one
  // layer per call of next(): the page runs a few layers at a time, so that
  // no task holds the main thread for long. `layer(l)` may supply the
  // weights of layer l when they are first needed (o.Z then grows).
  function propagation(o) {
    var n = o.width, B = o.X.length / n, L = o.depth, std = o.std;
    var f = o.f, df = o.df;
    var variance = [], gradNorm = new Array(L), dead = [];
    var pre = [], h = o.X, grad = o.r;
    var l = 0, backward = false, done = false;
    function weights(l) {
      if (o.layer) o.layer(l);
      return o.Z[l];
    }
    function forward() {
      var k, j, b;
      var z = new Float64Array(B * n), next = new Float64Array(B * n);
      rowdot(h, transpose(weights(l), n), z, B, n, std); // (h Z) * std, as _propagate
      var sum = 0;
      for (k = 0; k < B * n; k++) {
        next[k] = f(z[k]);
        sum += next[k];
      }
      // Two passes, as NumPy's var: the mean, then the squared deviations.
      var mean = sum / (B * n), sq = 0;
      for (k = 0; k < B * n; k++) sq += (next[k] - mean) * (next[k] - mean);
      variance.push(sq / (B * n));
      var off = 0;
      for (j = 0; j < n; j++) {
        for (b = 0; b < B && z[b * n + j] <= 0; b++);
        if (b === B) off++;
      }
      dead.push(off / n);
      pre.push(z);
      h = next;
    }
    function back() {
      var z = pre[l], k;
      var gz = new Float64Array(B * n), total = 0;
      for (k = 0; k < B * n; k++) {
        gz[k] = grad[k] * df(z[k]); // the chain rule through f
        total += gz[k] * gz[k];
      }
      gradNorm[l] = Math.sqrt(total / B);
      if (l === 0) return;
      // and through the weights: grad = (gz Z^T) * std
      var out = new Float64Array(B * n);
      rowdot(gz, o.Z[l], out, B, n, std);
      grad = out;
    }
    return {
      // One layer of work; false once the statistics are complete.
      next: function () {
        if (done) return false;
        if (!backward) {
          forward();
          l += 1;
          if (l === L) {
            backward = true;
            l = L - 1;
          }
        } else {
          back();
          l -= 1;
          if (l < 0) done = true;
        }
        return !done;
      },
      result: function () {
        return { variance: variance, gradNorm: gradNorm, dead: dead };
      },
    };
  }

  function propagate(o) {
    var job = propagation(o);
    while (job.next());
    return job.result();
  }

  // The whole experiment for one setting; `drawn` (from an earlier call)
  // saves drawing the weights again. s: activation, init, depth, width,
  // seed, scale; data: the hook's JSON. start() gives the job, one layer a
  // step, whose result() has the statistics, std and drawn; run() does it
  // all at once.
  function start(data, s, drawn) {
    drawn = draw(s.seed, s.width, 0, data.batch, drawn);
    var fn = CourseActivations.get(s.activation);
    var fixed = data.fixed && data.fixed[s.init];
    var std = (fixed !== undefined ? fixed : data.factor[s.activation][s.init] / Math.sqrt(s.width)) * (s.scale || 1);
    var job = propagation({
      f: fn.f, df: fn.df, std: std, Z: drawn.Z, X: drawn.X, r: drawn.r, width: s.width, depth: s.depth,
      layer: function (l) { draw(s.seed, s.width, l + 1, data.batch, drawn); },
    });
    return {
      next: job.next,
      result: function () {
        var out = job.result();
        out.std = std;
        out.drawn = drawn;
        return out;
      },
    };
  }

  function run(data, s, drawn) {
    var job = start(data, s, drawn);
    while (job.next());
    return job.result();
  }

  // Set when mounting: this script may run before common.js has.
  var W;

  // A log axis from the decade below the smallest value to the one above
  // the largest (finite, positive) value.
  function logRange(values) {
    var lo = Infinity, hi = -Infinity;
    values.forEach(function (v) {
      if (v > 0 && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    });
    if (!(lo <= hi)) return [0.1, 10];
    lo = Math.floor(Math.log10(lo));
    hi = Math.ceil(Math.log10(hi));
    if (hi - lo < 2) {
      lo -= 1;
      hi += 1;
    }
    return [Math.pow(10, lo), Math.pow(10, hi)];
  }

  // small, large or same (such as "vanishing", "exploding" or "of the same
  // order"): a factor of 10 either way.
  function verdict(ratio, small, large, same) {
    if (!(ratio > 0) || ratio < 0.1) return small;
    if (!Number.isFinite(ratio) || ratio > 10) return large;
    return same;
  }

  function mount(element, data) {
    W = root.CourseWidgets;
    var t = W.translator(element);
    var state = Object.assign({ seed: 1, scale: 1 }, data.initial);
    var drawn = null, timer = null;
    var schedule = function () {
      clearTimeout(timer);
      timer = setTimeout(update, 60); // sliders stay responsive while dragged
    };
    function set(key) {
      return function (value) {
        state[key] = key === "activation" || key === "init" ? value : Number(value);
        schedule();
      };
    }
    var seedText = W.el("span", { class: "cw-depth-seed" });
    var controls = W.el("div", { class: "cw-controls" }, [
      W.select({ label: t("activation"), choices: data.activations, value: state.activation, onChange: set("activation") }),
      W.select({ label: t("depth.initialisation"), choices: data.schemes, value: state.init, onChange: set("init") }),
      W.slider({ label: t("depth.depth"), min: data.depths[0], max: data.depths[1], step: 1, value: state.depth, format: String, onInput: set("depth") }),
      W.slider({ label: t("depth.width"), min: data.widths[0], max: data.widths[1], step: 8, value: state.width, format: String, onInput: set("width") }),
      W.slider({
        label: t("depth.weightScale"),
        min: 0.5,
        max: 2,
        step: 0.05,
        value: 1,
        format: function (v) { return "×" + v.toFixed(2); },
        onInput: set("scale"),
      }),
      W.button(t("depth.newDraw"), function () {
        state.seed += 1;
        update();
      }),
      seedText,
    ]);
    var opts = { width: 480, height: 220, x: [1, state.depth], y: [0.1, 10], xLabel: t("depth.layer"), yScale: "log" };
    var charts = {
      variance: W.chart(opts),
      gradNorm: W.chart(opts),
      dead: W.chart(Object.assign({}, opts, { height: 150, y: [0, 1], yScale: "linear" })),
    };
    // Titles above the charts rather than rotated axis labels, which the
    // log axis's tick labels would cover.
    var titles = {
      variance: t("depth.title.variance"),
      gradNorm: t("depth.title.gradNorm"),
      dead: t("depth.title.dead"),
    };
    var figures = Object.keys(charts).map(function (key) {
      return W.el("div", { class: "cw-depth-chart" }, [W.el("p", { class: "cw-depth-title", text: titles[key] }), charts[key].node]);
    });
    var summary = W.el("p", { class: "cw-readout", "aria-live": "polite" });
    element.append(
      controls,
      W.el("div", { class: "cw-depth-charts" }, figures),
      summary
    );

    // The work of one setting runs in slices of a few milliseconds, a
    // layer at a time, so that the page answers while it computes; a new
    // setting drops the work of the one before.
    var job = null;
    function update() {
      var mine = (job = start(data, state, drawn));
      (function slice() {
        if (job !== mine) return;
        var until = performance.now() + 8;
        while (performance.now() < until) {
          if (!mine.next()) {
            job = null;
            show(mine.result());
            return;
          }
        }
        setTimeout(slice, 0);
      })();
    }

    function show(out) {
      drawn = out.drawn;
      var L = state.depth, layers = [];
      for (var l = 1; l <= L; l++) layers.push(l);
      var name = data.activations.filter(function (a) { return a[0] === state.activation; })[0][1];
      var v = out.variance, g = out.gradNorm, d = out.dead;
      var vRatio = v[L - 1] / v[0], gRatio = g[0] / g[L - 1];
      ["variance", "gradNorm", "dead"].forEach(function (key) {
        var c = charts[key];
        c.setX([1, L]);
        if (key !== "dead") c.setY(logRange(out[key]));
        c.clear();
        c.line(layers, out[key], "cw-depth-" + key);
      });
      var network = t("depth.network", { name: name, depth: L, width: state.width });
      charts.variance.node.setAttribute("aria-label", t("depth.chart.variance", { network: network, first: W.fmt(v[0], 3), last: W.fmt(v[L - 1], 3), depth: L }));
      charts.gradNorm.node.setAttribute("aria-label", t("depth.chart.gradNorm", { network: network, first: W.fmt(g[0], 3), last: W.fmt(g[L - 1], 3), depth: L }));
      charts.dead.node.setAttribute("aria-label", t("depth.chart.dead", { last: W.fmt(d[L - 1], 3), depth: L }));
      seedText.textContent = t("depth.draw", { seed: state.seed, std: W.fmt(out.std, 3) });
      summary.textContent = t("depth.summary", {
        depth: L,
        gradient: W.fmt(gRatio, 2),
        gradientVerdict: t(verdict(gRatio, "depth.vanishing", "depth.exploding", "depth.sameOrder")),
        variance: W.fmt(vRatio, 2),
        varianceVerdict: t(verdict(vRatio, "depth.fades", "depth.grows", "depth.keeps")),
        dead: W.fmt(100 * d[L - 1], 3),
      });
    }
    update();
  }

  root.CourseDepth = { draw: draw, propagate: propagate, run: run, start: start, verdict: verdict };
  (root.courseWidgets = root.courseWidgets || []).push(["depth", mount, ["CourseActivations"]]);
})(typeof window !== "undefined" ? window : globalThis);
