// Keyboard access to the regions that scroll sideways: a table wider than
// the column, a long line of notebook code. A keyboard user scrolls such a
// region with the arrow keys once it has the focus, so it must be focusable
// (WCAG 2.1.1; axe-core rule scrollable-region-focusable, checked by
// tests/test_browser.py). Material does the same for its own code blocks.
//
// Widths are measured once the page's math is typeset, since typeset
// formulas change them, after every instant navigation and on resize.
var SCROLLABLE = [
  ".md-typeset__scrollwrap",
  ".highlight-ipynb",
  ".jp-OutputArea-output pre",
].join(", ");

function focusScrollables() {
  document.querySelectorAll(SCROLLABLE).forEach(function (el) {
    var scrolls =
      el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
    if (scrolls && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
    }
  });
}

function afterTypesetting() {
  var mathjax = window.MathJax && window.MathJax.startup;
  var typeset = (mathjax && mathjax.promise) || Promise.resolve();
  typeset.then(focusScrollables);
}

document$.subscribe(afterTypesetting);
window.addEventListener("resize", afterTypesetting);
