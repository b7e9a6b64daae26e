// MathJax 3 for the whole site, served from the site itself.
//
// Only these elements are searched for math: the spans and blocks that
// pymdownx.arithmatex (generic) writes, with \( \) and \[ \] inside, and a
// notebook's Markdown cells and LaTeX outputs, where nbconvert leaves $ $ and
// $$ $$. A dollar sign in prose or code elsewhere stays a dollar sign.
var MATH_ELEMENTS = [".arithmatex", ".jp-RenderedMarkdown", ".jp-RenderedLatex"];

window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  startup: { elements: MATH_ELEMENTS },
};

// Instant navigation swaps the page's content without reloading MathJax, so
// the new content is typeset here. document$ also emits for the first page,
// which MathJax's own start-up typesets: typesetting it a second time at once
// would clear the glyph styles the first pass is still adding.
var firstPage = true;
document$.subscribe(function () {
  if (firstPage) {
    firstPage = false;
    return;
  }
  MathJax.startup.promise = MathJax.startup.promise.then(function () {
    MathJax.startup.output.clearCache();
    MathJax.typesetClear();
    MathJax.texReset();
    return MathJax.typesetPromise(MATH_ELEMENTS);
  });
});
