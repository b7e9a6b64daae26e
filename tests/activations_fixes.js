// Fixes to activations.js that bring it within 1e-12 of course_code where
// it is not yet (tests/test_widget_explorer.py checks both, this file loaded
// after activations.js or not). Each fix replaces one f or df; the comment
// says what the original loses. To fold them into activations.js, replace
// the named functions of TABLE with these bodies (and the helpers with them).
(function (root) {
  "use strict";
  var A = root.CourseActivations;
  var original = A.get;
  var SQRPI = 0.56418958354775628695; // 1 / sqrt(pi)
  var INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2 pi)
  // Cody's coefficients for erfc(y), y > 4 (as in activations.js).
  var P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978];
  var Q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];

  // erfcx(y) = exp(y^2) erfc(y) for y > 4, Cody's tail without the
  // exponential (activations.js stops at 26.6, where exp(-y^2) underflows).
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
  // factor exp(-xs^2/4) applied twice so no intermediate underflows.
  function timesGauss(k, x) {
    var xs = Math.trunc(x * 16) / 16;
    var h = Math.exp(-xs * xs / 4);
    return ((k * Math.exp(-(x - xs) * (x + xs) / 2)) * h) * h;
  }

  // k * exp(x) for x < -700 (subnormal), rounded once: exp(x/2) twice.
  function timesExp(k, x) {
    var h = Math.exp(x / 2);
    return (k * h) * h;
  }

  var FIX = {
    // 1/cosh(x)^2 overflows cosh for |x| > 355 and returns 0 where the
    // true value is subnormal.
    tanh: { df: function () {
      return function (x) {
        var e = Math.exp(-2 * Math.abs(x));
        return (4 * e) / ((1 + e) * (1 + e));
      };
    } },
    // x/6 + 1/2 cancels near -3; x + 3 is exact there (Sterbenz).
    hardsigmoid: { f: function () {
      return function (x) { return x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6; };
    } },
    // x Phi(x) and Phi(x) + x phi(x) below -36.7: erfc returned 0 from
    // |x|/sqrt(2) = 26.6, and exp(-x^2/2) underflowed before the product.
    gelu: {
      f: function (p, g) {
        if (p.approximate === "tanh") return g.f;
        return function (x) {
          if (!(x < -36.7)) return g.f(x);
          if (x < -40) return -0; // |x Phi(x)| < 1e-349
          return timesGauss(0.5 * x * erfcxTail(-x * Math.SQRT1_2), x);
        };
      },
      df: function (p, g) {
        if (p.approximate === "tanh") {
          // x * x overflows for |x| > 1e154 and 0 * Infinity gives NaN;
          // beyond +-30 the derivative is 1 or 0 to double precision.
          return function (x) { return x > 30 ? 1 : x < -30 ? 0 : g.df(x); };
        }
        return function (x) {
          if (!(x < -36.7)) return g.df(x);
          if (x < -40) return -0;
          var scale = 0.5 * erfcxTail(-x * Math.SQRT1_2) + x * INV_SQRT_2PI;
          return timesGauss(scale, x);
        };
      },
    },
    // x sigmoid(x) rounds sigmoid into the subnormal range before the
    // product below -708: there x sigmoid(x) = x e^x to double precision.
    silu: {
      f: function (p, g) {
        return function (x) { return x < -700 ? timesExp(x, x) : g.f(x); };
      },
      df: function (p, g) {
        return function (x) { return x < -700 ? timesExp(1 + x, x) : g.df(x); };
      },
    },
    // Below -700, tanh(softplus(x)) = e^x and mish'(x) = (1 + x) e^x to
    // double precision.
    mish: {
      f: function (p, g) {
        return function (x) { return x < -700 ? timesExp(x, x) : g.f(x); };
      },
      df: function (p, g) {
        return function (x) { return x < -700 ? timesExp(1 + x, x) : g.df(x); };
      },
    },
    // x - tanh(x) cancels for small |x|: the series, 7 terms, whose next
    // term is below 1e-17 of the sum for |x| < 0.1.
    tanhshrink: { f: function (p, g) {
      var C = [1 / 3, -2 / 15, 17 / 315, -62 / 2835, 1382 / 155925, -21844 / 6081075, 929569 / 638512875];
      return function (x) {
        if (!(Math.abs(x) < 0.1)) return g.f(x);
        var z = x * x, s = C[6];
        for (var i = 5; i >= 0; i--) s = s * z + C[i];
        return x * z * s;
      };
    } },
  };

  A.get = function (name, params) {
    var g = original(name, params);
    var fix = FIX[name];
    if (!fix) return g;
    return {
      f: fix.f ? fix.f(g.params, g) : g.f,
      df: fix.df ? fix.df(g.params, g) : g.df,
      params: g.params,
    };
  };
})(typeof window !== "undefined" ? window : globalThis);
