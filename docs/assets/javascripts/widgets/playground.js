// The network playground: a small MLP trained in the page on the course's
// 2-D data sets, with the decision regions (canvas) and the loss (SVG).
// The network is course_code.nn's MLP, step for step: He normal hidden
// layers (gain from the build), LeCun normal output, zero biases, softmax
// cross-entropy averaged over the batch, plain full-batch SGD. The pure part
// (CoursePlayground) runs in Node too: tests/test_widget_playground.py
// checks it against course_code.nn.
(function (root) {
  "use strict";

  // A network: layers {W (fanIn x fanOut, row-major), b, fanIn, fanOut}.
  // init: {seed, gain} draws weights; {weights, biases} takes them as given.
  function createNetwork(sizes, activation, init) {
    var act = root.CourseActivations.get(activation);
    var rng = init.weights ? null : root.CourseWidgets.rng(init.seed);
    var layers = [];
    for (var l = 0; l + 1 < sizes.length; l++) {
      var fin = sizes[l], fout = sizes[l + 1];
      var W = new Float64Array(fin * fout), b = new Float64Array(fout);
      if (rng) {
        // Hidden layers He normal, the output LeCun normal, as in MLP.
        var std = (l + 2 < sizes.length ? init.gain : 1) / Math.sqrt(fin);
        for (var i = 0; i < W.length; i++) W[i] = rng.normal() * std;
      } else {
        W.set(init.weights[l]);
        b.set(init.biases[l]);
      }
      layers.push({ W: W, b: b, fanIn: fin, fanOut: fout });
    }
    return { sizes: sizes.slice(), layers: layers, f: act.f, df: act.df };
  }

  // Forward pass of n points; keeps what the backward pass needs.
  function forward(net, X, n) {
    var inputs = [X], zs = [], h = X, L = net.layers.length;
    for (var l = 0; l < L; l++) {
      var layer = net.layers[l], fin = layer.fanIn, fout = layer.fanOut;
      var z = new Float64Array(n * fout);
      for (var r = 0; r < n; r++) {
        for (var j = 0; j < fout; j++) {
          var s = 0;
          for (var k = 0; k < fin; k++) s += h[r * fin + k] * layer.W[k * fout + j];
          z[r * fout + j] = s + layer.b[j];
        }
      }
      zs.push(z);
      if (l + 1 === L) break; // no activation after the output layer
      h = new Float64Array(z.length);
      for (var i = 0; i < z.length; i++) h[i] = net.f(z[i]);
      inputs.push(h);
    }
    return { n: n, inputs: inputs, zs: zs, logits: zs[L - 1] };
  }

  // Mean softmax cross-entropy from logits (log-sum-exp form), its gradient
  // (softmax - one-hot) / n, and the number of points classified right.
  function crossEntropy(logits, y, n, C) {
    var total = 0, correct = 0, grad = new Float64Array(n * C);
    for (var r = 0; r < n; r++) {
      var o = r * C, m = -Infinity, best = 0;
      for (var j = 0; j < C; j++) {
        if (logits[o + j] > m) m = logits[o + j];
        if (logits[o + j] > logits[o + best]) best = j;
      }
      var sum = 0;
      for (j = 0; j < C; j++) sum += Math.exp(logits[o + j] - m);
      total += logits[o + y[r]] - m - Math.log(sum);
      for (j = 0; j < C; j++) {
        grad[o + j] = (Math.exp(logits[o + j] - m) / sum - (j === y[r] ? 1 : 0)) / n;
      }
      if (best === y[r]) correct++;
    }
    return { loss: -total / n, grad: grad, correct: correct };
  }

  // Backward pass: the gradient of every weight and bias, output layer last.
  function backward(net, cache, gradLogits) {
    var n = cache.n, L = net.layers.length, g = gradLogits;
    var gW = new Array(L), gb = new Array(L);
    for (var l = L - 1; l >= 0; l--) {
      var layer = net.layers[l], fin = layer.fanIn, fout = layer.fanOut;
      var x = cache.inputs[l];
      var dW = new Float64Array(fin * fout), db = new Float64Array(fout);
      for (var r = 0; r < n; r++) {
        for (var j = 0; j < fout; j++) {
          var gj = g[r * fout + j];
          db[j] += gj;
          for (var k = 0; k < fin; k++) dW[k * fout + j] += x[r * fin + k] * gj;
        }
      }
      gW[l] = dW;
      gb[l] = db;
      if (l === 0) break;
      // Through the weights, then through the activation (chain rule).
      var z = cache.zs[l - 1], gx = new Float64Array(n * fin);
      for (r = 0; r < n; r++) {
        for (k = 0; k < fin; k++) {
          var s = 0;
          for (j = 0; j < fout; j++) s += g[r * fout + j] * layer.W[k * fout + j];
          gx[r * fin + k] = s * net.df(z[r * fin + k]);
        }
      }
      g = gx;
    }
    return { W: gW, b: gb };
  }

  // Plain SGD, p <- p - lr * grad, as course_code.nn.SGD without momentum.
  function step(net, grads, lr) {
    net.layers.forEach(function (layer, l) {
      for (var i = 0; i < layer.W.length; i++) layer.W[i] -= lr * grads.W[l][i];
      for (i = 0; i < layer.b.length; i++) layer.b[i] -= lr * grads.b[l][i];
    });
  }

  // One full-batch epoch; loss and accuracy of its forward pass, as
  // course_code.nn.train records them (before the update).
  function epoch(net, data, lr) {
    var C = net.sizes[net.sizes.length - 1];
    var cache = forward(net, data.X, data.n);
    var ce = crossEntropy(cache.logits, data.y, data.n, C);
    step(net, backward(net, cache, ce.grad), lr);
    return { loss: ce.loss, accuracy: ce.correct / data.n };
  }

  // Epochs until the accuracy reaches `until` (default 1) or maxEpochs.
  function train(net, data, lr, maxEpochs, until) {
    var history = { loss: [], accuracy: [] };
    for (var e = 0; e < maxEpochs; e++) {
      var r = epoch(net, data, lr);
      history.loss.push(r.loss);
      history.accuracy.push(r.accuracy);
      if (r.accuracy >= (until === undefined ? 1 : until) || !isFinite(r.loss)) break;
    }
    return history;
  }

  // A data set of the build's JSON as flat arrays.
  function dataset(json) {
    var n = json.y.length, X = new Float64Array(2 * n);
    json.x.forEach(function (p, i) {
      X[2 * i] = p[0];
      X[2 * i + 1] = p[1];
    });
    return { X: X, y: Int32Array.from(json.y), n: n, classes: json.classes };
  }

  root.CoursePlayground = {
    createNetwork: createNetwork,
    forward: forward,
    crossEntropy: crossEntropy,
    backward: backward,
    step: step,
    epoch: epoch,
    train: train,
    dataset: dataset,
  };

  // ---- the widget ---------------------------------------------------------

  // Okabe-Ito colours, safe for colour-blind readers; one marker per class.
  var COLOURS = [[0, 114, 178], [230, 159, 0], [0, 158, 115]];
  var MARKERS = ["circle", "square", "triangle"];
  var GRID = 60; // cells per side of the decision regions
  var SIZE = 320; // canvas pixels per side

  function mount(node, data) {
    var W = root.CourseWidgets, el = W.el, t = W.translator(node);
    var init = data.initial;
    var state = {
      dataset: init.dataset,
      activation: init.activation,
      hidden: init.hidden.slice(),
      lr: init.lr,
      seed: init.seed,
      running: false,
    };
    var gains = {};
    data.activations.forEach(function (a) {
      gains[a[0]] = a[2];
    });
    var net, set, history, bounds, lastSaid = 0, frame = null;

    var datasetSelect = W.select({
      label: t("playground.dataset"),
      choices: Object.keys(data.datasets).map(function (k) {
        return [k, data.datasets[k].name];
      }),
      value: state.dataset,
      onChange: function (v) {
        state.dataset = v;
        reset();
      },
    });
    var actSelect = W.select({
      label: t("activation"),
      choices: data.activations.map(function (a) {
        return [a[0], a[1]];
      }),
      value: state.activation,
      onChange: function (v) {
        state.activation = v;
        reset();
      },
    });
    var layersSelect = W.select({
      label: t("playground.hiddenLayers"),
      choices: [["1", "1"], ["2", "2"]],
      value: String(state.hidden.length),
      onChange: function (v) {
        state.hidden = v === "2" ? [state.hidden[0], state.hidden[0]] : [state.hidden[0]];
        reset();
      },
    });
    var widthSlider = W.slider({
      label: t("playground.units"),
      min: data.widthRange[0],
      max: data.widthRange[1],
      step: 1,
      value: state.hidden[0],
      format: String,
      onInput: function (v) {
        state.hidden = state.hidden.map(function () {
          return v;
        });
        reset();
      },
    });
    var rates = data.learningRates;
    var lrSlider = W.slider({
      label: t("playground.learningRate"),
      min: 0,
      max: rates.length - 1,
      step: 1,
      value: rates.indexOf(state.lr),
      format: function (i) {
        return String(rates[i]);
      },
      onInput: function (i) {
        state.lr = rates[i]; // takes effect at the next epoch, no reset
      },
    });
    var seedId = W.uid("seed");
    var seedInput = el("input", { id: seedId, type: "number", min: 0, max: 4294967295, step: 1, value: state.seed });
    seedInput.addEventListener("change", function () {
      var v = Math.floor(Number(seedInput.value));
      state.seed = v >= 0 && v < 4294967296 ? v : 0;
      seedInput.value = state.seed;
      reset();
    });
    var seedControl = el("div", { class: "cw-control cw-control--seed" }, [
      el("label", { for: seedId, text: t("playground.seed") }),
      seedInput,
    ]);

    var trainButton = W.button(t("playground.train"), function () {
      if (state.running) pause();
      else start();
    }, { "aria-pressed": "false" });
    var stepButton = W.button(t("playground.step"), function () {
      pause();
      if (!finished()) runEpoch();
      drawSoon();
      say(true);
    });
    var resetButton = W.button(t("playground.reset"), function () {
      reset();
    });

    var canvas = el("canvas", { width: SIZE, height: SIZE, class: "cw-playground__regions", role: "img" });
    var small = el("canvas", { width: GRID, height: GRID });
    var loss = W.chart({
      width: 340, // near its width on the page, so the labels stay legible
      height: 300,
      x: [0, 10],
      y: [0.01, 1],
      yScale: "log",
      xLabel: t("playground.epoch"),
      yLabel: t("playground.loss"),
      label: t("playground.lossChart"),
    });
    var readout = el("p", { class: "cw-readout", "aria-live": "polite" });

    node.append(
      el("div", { class: "cw-controls" }, [datasetSelect, actSelect, layersSelect, widthSlider, lrSlider, seedControl]),
      el("div", { class: "cw-controls cw-playground__buttons" }, [trainButton, stepButton, resetButton]),
      el("div", { class: "cw-playground__figures" }, [canvas, loss.node]),
      readout
    );

    function finished() {
      var n = history.loss.length;
      return n >= data.maxEpochs || (n > 0 && (history.accuracy[n - 1] >= 1 || !isFinite(history.loss[n - 1])));
    }

    function runEpoch() {
      var r = epoch(net, set, state.lr);
      history.loss.push(r.loss);
      history.accuracy.push(r.accuracy);
    }

    function reset() {
      pause();
      set = dataset(data.datasets[state.dataset]);
      var sizes = [2].concat(state.hidden, [set.classes]);
      net = createNetwork(sizes, state.activation, { seed: state.seed, gain: gains[state.activation] });
      history = { loss: [], accuracy: [] };
      var lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
      for (var i = 0; i < set.n; i++) {
        for (var d = 0; d < 2; d++) {
          lo[d] = Math.min(lo[d], set.X[2 * i + d]);
          hi[d] = Math.max(hi[d], set.X[2 * i + d]);
        }
      }
      // The data plus a margin of 0.25, as experiments.decision_grid, in a
      // square: one scale on both axes, so that circles stay round.
      var half = Math.max(hi[0] - lo[0], hi[1] - lo[1]) / 2 + 0.25;
      var cx = (lo[0] + hi[0]) / 2, cy = (lo[1] + hi[1]) / 2;
      bounds = [cx - half, cx + half, cy - half, cy + half];
      canvas.setAttribute(
        "aria-label",
        t("playground.regions", { dataset: data.datasets[state.dataset].name, points: set.n })
      );
      drawSoon();
      say(true);
    }

    function start() {
      if (finished()) return say(true);
      state.running = true;
      trainButton.textContent = t("playground.pause");
      trainButton.setAttribute("aria-pressed", "true");
      frame = schedule(loop);
    }

    function pause() {
      state.running = false;
      trainButton.textContent = t("playground.train");
      trainButton.setAttribute("aria-pressed", "false");
      if (frame !== null) cancel(frame);
      frame = null;
      if (history) say(true); // the epoch it stopped at, not a throttled one
    }

    // With reduced motion, no animation frames: epochs run in timer chunks
    // and the figures are drawn only when training stops or pauses.
    var reduced = W.reducedMotion();
    function schedule(f) {
      return reduced ? setTimeout(f, 0) : root.requestAnimationFrame(f);
    }
    function cancel(id) {
      if (reduced) clearTimeout(id);
      else root.cancelAnimationFrame(id);
    }

    // Epochs for about 12 ms per frame, so the page stays responsive.
    function loop() {
      frame = null;
      if (!node.isConnected) return pause();
      var t0 = performance.now();
      while (!finished() && performance.now() - t0 < 12) runEpoch();
      if (finished()) pause();
      if (!reduced || !state.running) draw();
      say(!state.running);
      if (state.running) frame = schedule(loop);
    }

    function say(now) {
      var clock = performance.now();
      if (!now && clock - lastSaid < 500) return; // throttled for screen readers
      lastSaid = clock;
      var n = history.loss.length, last = history.loss[n - 1];
      if (n === 0) {
        readout.textContent = t("playground.untrained");
        return;
      }
      var key = !isFinite(last)
        ? "playground.diverged"
        : history.accuracy[n - 1] >= 1
          ? "playground.solved"
          : n >= data.maxEpochs ? "playground.stopped" : "playground.training";
      readout.textContent = t(key, {
        epoch: n,
        loss: W.fmt(last, 4),
        accuracy: (100 * history.accuracy[n - 1]).toFixed(1),
      });
    }

    // One drawing per frame at most, out of the task that asked for it, so
    // that mounting during the page's start-up stays a short task.
    var queued = false;
    function drawSoon() {
      if (queued) return;
      queued = true;
      root.requestAnimationFrame(function () {
        queued = false;
        draw();
      });
    }

    function draw() {
      drawRegions();
      drawLoss();
    }

    function drawRegions() {
      var g = GRID, pts = new Float64Array(2 * g * g);
      for (var r = 0; r < g; r++) {
        for (var c = 0; c < g; c++) {
          pts[2 * (r * g + c)] = bounds[0] + ((c + 0.5) / g) * (bounds[1] - bounds[0]);
          pts[2 * (r * g + c) + 1] = bounds[3] - ((r + 0.5) / g) * (bounds[3] - bounds[2]);
        }
      }
      var logits = forward(net, pts, g * g).logits, C = set.classes;
      var sctx = small.getContext("2d"), image = sctx.createImageData(g, g);
      for (var i = 0; i < g * g; i++) {
        var best = 0;
        for (var j = 1; j < C; j++) if (logits[i * C + j] > logits[i * C + best]) best = j;
        image.data.set(COLOURS[best], 4 * i);
        image.data[4 * i + 3] = 72; // a tint: the page's background shows through
      }
      sctx.putImageData(image, 0, 0);
      var ctx = canvas.getContext("2d");
      ctx.clearRect(0, 0, SIZE, SIZE);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, 0, 0, SIZE, SIZE);
      // A dark outline reads on the light and on the dark scheme; reading the
      // page's text colour instead would force a style pass of the page.
      ctx.strokeStyle = "rgba(0, 0, 0, 0.7)";
      ctx.lineWidth = 1;
      for (i = 0; i < set.n; i++) {
        var x = ((set.X[2 * i] - bounds[0]) / (bounds[1] - bounds[0])) * SIZE;
        var y = ((bounds[3] - set.X[2 * i + 1]) / (bounds[3] - bounds[2])) * SIZE;
        marker(ctx, MARKERS[set.y[i]], x, y, COLOURS[set.y[i]]);
      }
    }

    function marker(ctx, shape, x, y, rgb) {
      ctx.beginPath();
      if (shape === "circle") ctx.arc(x, y, 4, 0, 2 * Math.PI);
      else if (shape === "square") ctx.rect(x - 3.5, y - 3.5, 7, 7);
      else {
        ctx.moveTo(x, y - 5);
        ctx.lineTo(x + 4.5, y + 3.5);
        ctx.lineTo(x - 4.5, y + 3.5);
        ctx.closePath();
      }
      ctx.fillStyle = "rgb(" + rgb.join(",") + ")";
      ctx.fill();
      ctx.stroke();
    }

    function drawLoss() {
      var ys = history.loss, n = ys.length;
      loss.clear();
      var finite = ys.filter(function (v) {
        return isFinite(v) && v > 0;
      });
      var lo = Math.min.apply(null, finite.concat([0.1]));
      var hi = Math.max.apply(null, finite.concat([1]));
      loss.setX([0, Math.max(10, n)]);
      loss.setY([Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi)))]);
      // At most about 400 vertices, however long the run.
      var every = Math.max(1, Math.ceil(n / 400)), xs = [], vs = [];
      for (var i = 0; i < n; i += every) {
        xs.push(i + 1);
        vs.push(ys[i]);
      }
      if (n && xs[xs.length - 1] !== n) {
        xs.push(n);
        vs.push(ys[n - 1]);
      }
      loss.line(xs, vs, "cw-playground__loss");
    }

    reset();
  }

  (root.courseWidgets = root.courseWidgets || []).push(["playground", mount, ["CourseActivations"]]);
})(typeof window !== "undefined" ? window : globalThis);
