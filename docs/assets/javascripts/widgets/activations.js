// The elementwise activations of the catalogue and their derivatives, in
// plain JavaScript, for the widgets. Each is the formula of its catalogue
// card, written in the form that does not overflow (the same forms as the
// course's "idea" code); tests/test_widget_activations.py checks every one
// against course_code at thousands of points. Parameters take the names and
// defaults of course_code (and PyTorch).
//
//   CourseActivations.get(name, params) -> { f: x => y, df: x => dy/dx }
//   CourseActivations.names             -> the names, catalogue order
//   CourseActivations.params[name]      -> { param: default, ... }
(function (root) {
  "use strict";
  if (root.CourseActivations) return;

  var SELU_ALPHA = 1.6732632423543772848170429916717;
  var SELU_SCALE = 1.0507009873554804934193349852946;
  var SQRT_HALF = Math.SQRT1_2;
  var INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2 pi)

  // erf and erfc, which Math lacks: W. J. Cody's rational approximations
  // (Math. Comp. 23, 1969; the algorithm of SPECFUN's CALERF), accurate to
  // about 1e-16 relative in double precision, erfc in its tail included.
  var A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
  var B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
  var C = [0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8];
  var D = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942];
  var P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978];
  var Q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
  var SQRPI = 0.56418958354775628695; // 1 / sqrt(pi)

  // Cody's erfc for y = |x| > 0.5, without the sign.
  function erfcAbove(y) {
    var num, den, i, result;
    if (y <= 4) {
      num = C[8] * y;
      den = y;
      for (i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      result = (num + C[7]) / (den + D[7]);
    } else {
      if (y >= 26.6) return 0;
      var z = 1 / (y * y);
      num = P[5] * z;
      den = z;
      for (i = 0; i < 4; i++) {
        num = (num + P[i]) * z;
        den = (den + Q[i]) * z;
      }
      result = (z * (num + P[4])) / (den + Q[4]);
      result = (SQRPI - result) / y;
    }
    // exp(-y*y) computed as exp(-ysq*ysq) * exp(-del*(y+ysq)) to keep the
    // rounding error of y*y out of the exponent.
    var ysq = Math.trunc(y * 16) / 16;
    var del = (y - ysq) * (y + ysq);
    return Math.exp(-ysq * ysq) * Math.exp(-del) * result;
  }

  function erfSmall(x) {
    // |x| <= 0.5
    var z = x * x;
    var num = A[4] * z, den = z;
    for (var i = 0; i < 3; i++) {
      num = (num + A[i]) * z;
      den = (den + B[i]) * z;
    }
    return (x * (num + A[3])) / (den + B[3]);
  }

  function erf(x) {
    if (Number.isNaN(x)) return NaN;
    var y = Math.abs(x);
    if (y <= 0.5) return erfSmall(x);
    var r = 1 - erfcAbove(y);
    return x < 0 ? -r : r;
  }

  function erfc(x) {
    if (Number.isNaN(x)) return NaN;
    var y = Math.abs(x);
    if (y <= 0.5) return 1 - erfSmall(x);
    var r = erfcAbove(y);
    return x < 0 ? 2 - r : r;
  }

  // erfcx(y) = exp(y^2) erfc(y) for y > 4: Cody's tail without the
  // exponential, which underflows from y = 26.6 on.
  function erfcxTail(y) {
    var z = 1 / (y * y);
    var num = P[5] * z, den = z;
    for (var i = 0; i < 4; i++) {
      num = (num + P[i]) * z;
      den = (den + Q[i]) * z;
    }
    return (SQRPI - (z * (num + P[4])) / (den + Q[4])) / y;
  }

  // k * exp(-x^2 / 2), rounded once at the end even when the result is
  // subnormal: x = xs + d with xs on a 1/16 grid (xs^2 exact), and the
  // factor exp(-xs^2/4) applied twice so that nothing underflows before.
  function timesGauss(k, x) {
    var xs = Math.trunc(x * 16) / 16;
    var h = Math.exp((-xs * xs) / 4);
    return k * Math.exp((-(x - xs) * (x + xs)) / 2) * h * h;
  }

  // k * exp(x) for x < -700 (a subnormal result), rounded once.
  function timesExp(k, x) {
    var h = Math.exp(x / 2);
    return k * h * h;
  }

  // Phi(x), the standard normal CDF, accurate in both tails.
  function normalCdf(x) {
    return 0.5 * erfc(-x * SQRT_HALF);
  }

  function sigmoid(x) {
    if (x >= 0) return 1 / (1 + Math.exp(-x));
    var e = Math.exp(x);
    return e / (1 + e);
  }

  // log(1 + exp(x)) without overflow.
  function softplus1(x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  var TABLE = {
    sigmoid: {
      params: {},
      f: function () { return sigmoid; },
      df: function () {
        return function (x) {
          var s = sigmoid(x), t = sigmoid(-x);
          return s * t;
        };
      },
    },
    tanh: {
      params: {},
      f: function () { return Math.tanh; },
      df: function () {
        return function (x) {
          // 1 - tanh^2 = 4 e / (1 + e)^2 with e = exp(-2|x|): no
          // cancellation, and no overflow of cosh beyond |x| = 355.
          var e = Math.exp(-2 * Math.abs(x));
          return (4 * e) / ((1 + e) * (1 + e));
        };
      },
    },
    hardsigmoid: {
      params: {},
      f: function () {
        // (x + 3) / 6: x + 3 is exact near -3, where x/6 + 1/2 cancels.
        return function (x) { return x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6; };
      },
      df: function () {
        return function (x) { return x > -3 && x < 3 ? 1 / 6 : 0; };
      },
    },
    softsign: {
      params: {},
      f: function () { return function (x) { return x / (1 + Math.abs(x)); }; },
      df: function () {
        return function (x) {
          var d = 1 + Math.abs(x);
          return 1 / (d * d);
        };
      },
    },
    logsigmoid: {
      params: {},
      f: function () { return function (x) { return -softplus1(-x); }; },
      df: function () { return function (x) { return sigmoid(-x); }; },
    },
    relu: {
      params: {},
      f: function () { return function (x) { return x > 0 ? x : 0; }; },
      df: function () { return function (x) { return x > 0 ? 1 : 0; }; },
    },
    relu6: {
      params: {},
      f: function () { return function (x) { return x <= 0 ? 0 : x >= 6 ? 6 : x; }; },
      df: function () { return function (x) { return x > 0 && x < 6 ? 1 : 0; }; },
    },
    hardtanh: {
      params: { min_val: -1, max_val: 1 },
      f: function (p) {
        return function (x) { return x <= p.min_val ? p.min_val : x >= p.max_val ? p.max_val : x; };
      },
      df: function (p) {
        return function (x) { return x > p.min_val && x < p.max_val ? 1 : 0; };
      },
    },
    leaky_relu: {
      params: { negative_slope: 0.01 },
      f: function (p) { return function (x) { return x > 0 ? x : p.negative_slope * x; }; },
      df: function (p) { return function (x) { return x > 0 ? 1 : p.negative_slope; }; },
    },
    prelu: {
      params: { weight: 0.25 },
      f: function (p) { return function (x) { return x > 0 ? x : p.weight * x; }; },
      df: function (p) { return function (x) { return x > 0 ? 1 : p.weight; }; },
    },
    rrelu: {
      // Outside training, the slope is the mean of the range it is drawn from.
      params: { lower: 0.125, upper: 1 / 3 },
      f: function (p) {
        var a = (p.lower + p.upper) / 2;
        return function (x) { return x > 0 ? x : a * x; };
      },
      df: function (p) {
        var a = (p.lower + p.upper) / 2;
        return function (x) { return x > 0 ? 1 : a; };
      },
    },
    elu: {
      params: { alpha: 1 },
      f: function (p) { return function (x) { return x > 0 ? x : p.alpha * Math.expm1(x); }; },
      df: function (p) { return function (x) { return x > 0 ? 1 : p.alpha * Math.exp(x); }; },
    },
    selu: {
      params: {},
      f: function () {
        return function (x) { return SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)); };
      },
      df: function () {
        return function (x) { return SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)); };
      },
    },
    celu: {
      params: { alpha: 1 },
      f: function (p) { return function (x) { return x > 0 ? x : p.alpha * Math.expm1(x / p.alpha); }; },
      df: function (p) { return function (x) { return x > 0 ? 1 : Math.exp(x / p.alpha); }; },
    },
    gelu: {
      params: { approximate: "none" },
      f: function (p) {
        if (p.approximate === "tanh") {
          return function (x) {
            var u = 0.7978845608028654 * (x + 0.044715 * x * x * x);
            // x * (1 + tanh u) / 2 = x * sigmoid(2u): no cancellation for x < 0.
            return x * sigmoid(2 * u);
          };
        }
        return function (x) {
          if (!(x < -36.7)) return x * normalCdf(x);
          // erfc underflows from |x|/sqrt(2) = 26.6, and exp(-x^2/2) before
          // the product: x Phi(x) = x/2 erfcx(-x/sqrt 2) exp(-x^2/2).
          if (x < -40) return -0; // |x Phi(x)| < 1e-349
          return timesGauss(0.5 * x * erfcxTail(-x * SQRT_HALF), x);
        };
      },
      df: function (p) {
        if (p.approximate === "tanh") {
          return function (x) {
            // Beyond +-30 the derivative is 1 or 0 to double precision, and
            // x * x would overflow for |x| > 1e154 (0 * Infinity is NaN).
            if (x > 30) return 1;
            if (x < -30) return 0;
            var k = 0.7978845608028654;
            var u = k * (x + 0.044715 * x * x * x);
            var s = sigmoid(2 * u);
            var du = k * (1 + 3 * 0.044715 * x * x);
            return s + x * 2 * s * sigmoid(-2 * u) * du;
          };
        }
        return function (x) {
          if (!(x < -36.7)) {
            return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
          }
          if (x < -40) return -0;
          return timesGauss(0.5 * erfcxTail(-x * SQRT_HALF) + x * INV_SQRT_2PI, x);
        };
      },
    },
    silu: {
      params: {},
      // Below -700 sigmoid(x) is subnormal before the product; there
      // x sigmoid(x) = x e^x and the derivative (1 + x) e^x, to double precision.
      f: function () {
        return function (x) { return x < -700 ? timesExp(x, x) : x * sigmoid(x); };
      },
      df: function () {
        return function (x) {
          if (x < -700) return timesExp(1 + x, x);
          var s = sigmoid(x);
          return s * (1 + x * sigmoid(-x));
        };
      },
    },
    mish: {
      params: {},
      // Below -700, tanh(softplus(x)) = e^x to double precision, as for SiLU.
      f: function () {
        return function (x) { return x < -700 ? timesExp(x, x) : x * Math.tanh(softplus1(x)); };
      },
      df: function () {
        return function (x) {
          if (x < -700) return timesExp(1 + x, x);
          var sp = softplus1(x);
          var t = Math.tanh(sp);
          var c = Math.cosh(sp);
          return t + (x * sigmoid(x)) / (c * c);
        };
      },
    },
    softplus: {
      params: { beta: 1 },
      f: function (p) { return function (x) { return softplus1(p.beta * x) / p.beta; }; },
      df: function (p) { return function (x) { return sigmoid(p.beta * x); }; },
    },
    hardswish: {
      params: {},
      f: function () {
        return function (x) { return x <= -3 ? 0 * x : x >= 3 ? x : (x * (x + 3)) / 6; };
      },
      df: function () {
        return function (x) { return x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6; };
      },
    },
    softshrink: {
      params: { lambd: 0.5 },
      f: function (p) {
        return function (x) { return x > p.lambd ? x - p.lambd : x < -p.lambd ? x + p.lambd : 0; };
      },
      df: function (p) { return function (x) { return Math.abs(x) > p.lambd ? 1 : 0; }; },
    },
    hardshrink: {
      params: { lambd: 0.5 },
      f: function (p) { return function (x) { return Math.abs(x) > p.lambd ? x : 0; }; },
      df: function (p) { return function (x) { return Math.abs(x) > p.lambd ? 1 : 0; }; },
    },
    tanhshrink: {
      params: {},
      f: function () {
        // x - tanh(x) cancels for small |x|: there its series, whose next
        // term is below 1e-17 of the sum for |x| < 0.1.
        var C = [1 / 3, -2 / 15, 17 / 315, -62 / 2835, 1382 / 155925, -21844 / 6081075, 929569 / 638512875];
        return function (x) {
          if (!(Math.abs(x) < 0.1)) return x - Math.tanh(x);
          var z = x * x, s = C[6];
          for (var i = 5; i >= 0; i--) s = s * z + C[i];
          return x * z * s;
        };
      },
      df: function () {
        return function (x) {
          var t = Math.tanh(x);
          return t * t;
        };
      },
    },
  };

  function get(name, params) {
    var entry = TABLE[name];
    if (!entry) throw new Error("no activation " + JSON.stringify(name));
    var p = Object.assign({}, entry.params, params || {});
    return { f: entry.f(p), df: entry.df(p), params: p };
  }

  var api = {
    names: Object.keys(TABLE),
    params: Object.keys(TABLE).reduce(function (out, name) {
      out[name] = Object.assign({}, TABLE[name].params);
      return out;
    }, {}),
    get: get,
    erf: erf,
    erfc: erfc,
    sigmoid: sigmoid,
  };
  root.CourseActivations = api;
  // Widgets that waited for this script (see common.js).
  if (root.CourseWidgets) root.CourseWidgets.mountAll();
})(typeof window !== "undefined" ? window : globalThis);
