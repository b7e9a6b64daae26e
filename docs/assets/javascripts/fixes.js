// Fixes to the theme and the quiz plugin, each found by tests/test_browser.py.
//
// 1. Keyboard access to the regions that scroll sideways: a table, a formula
// or a code block wider than the column, a long line of notebook code. A
// keyboard user scrolls such a region with the arrow keys once it has the
// focus, so it must be focusable (WCAG 2.1.1; axe-core rule
// scrollable-region-focusable, checked by tests/test_browser.py). Material
// does the same for its own code blocks, but only once it has mounted them.
//
// 2. "Reset" of every quiz on a page. mkdocs-quiz 1.7.1's reset-all expects
// a <fieldset> in every quiz; a fill-in-the-blank quiz has none, so it throws
// there, after clearing the saved answers but before clearing the quizzes
// that follow on the page. The reset links are handled here instead, before
// the plugin sees the click: the plugin's own question, then each quiz's own
// "Try Again" reset, which handles both kinds of quiz.
var SCROLLABLE = [
  // Material makes a code block focusable when it mounts it, and mounts it
  // only when it comes near the screen (feature content.lazy): a keyboard
  // user can reach a block before that.
  ".md-typeset .highlight pre > code",
  ".md-typeset__scrollwrap",
  ".md-typeset div.arithmatex",
  ".highlight-ipynb",
  ".jp-OutputArea-output pre",
].join(", ");

// Measuring a block that the browser has not rendered yet (course.css
// renders long pages' far blocks only near the screen) would render it, so
// only rendered blocks are measured, and each further block when the
// browser renders it.
function focusScrollables(root) {
  var found = Array.from(root.querySelectorAll(SCROLLABLE));
  if (root instanceof Element && root.matches(SCROLLABLE)) found.push(root);
  found.forEach(function (el) {
    if (el.checkVisibility && !el.checkVisibility({ contentVisibilityAuto: true }))
      return;
    var scrolls =
      el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
    if (scrolls && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
    }
  });
}

document$.subscribe(function () {
  focusScrollables(document);
});
window.addEventListener("resize", function () {
  focusScrollables(document);
});
document.addEventListener(
  "contentvisibilityautostatechange",
  function (event) {
    if (!event.skipped) focusScrollables(event.target);
  },
  true
);

var RESET_ALL = ".quiz-reset-all-link, .quiz-results-reset, .quiz-intro-reset";
var RESET_QUESTION =
  "Are you sure you want to reset the quiz? This will clear your progress.";

document.addEventListener(
  "click",
  function (event) {
    var link = event.target instanceof Element && event.target.closest(RESET_ALL);
    if (!link) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    var translations = window.mkdocsQuizTranslations || {};
    if (!window.confirm(translations[RESET_QUESTION] || RESET_QUESTION)) return;
    document.querySelectorAll(".quiz .quiz-reset-button").forEach(function (b) {
      b.click();
    });
  },
  true
);
