// Fixes to the theme and the quiz plugin, each found by tests/test_browser.py.
//
// 1. Keyboard access to the regions that scroll sideways: a table wider than
// the column, a long line of notebook code. A keyboard user scrolls such a
// region with the arrow keys once it has the focus, so it must be focusable
// (WCAG 2.1.1; axe-core rule scrollable-region-focusable, checked by
// tests/test_browser.py). Material does the same for its own code blocks.
//
// 2. Raw TeX in the quizzes' answer badges. An answered question shows the
// chosen option's label, shortened, as a badge over its explanation. When
// mkdocs-quiz (1.7.1) restores saved answers, on a page load or an instant
// navigation, it copies the label before MathJax has typeset it, so the
// badge shows "\(z = W x + b\)". Once typesetting is done, each badge is
// made again from its (typeset) label, as the plugin does for a new answer.
//
// 3. "Reset" of every quiz on a page. mkdocs-quiz 1.7.1's reset-all expects
// a <fieldset> in every quiz; a fill-in-the-blank quiz has none, so it throws
// there, after clearing the saved answers but before clearing the quizzes
// that follow on the page. The reset links are handled here instead, before
// the plugin sees the click: the plugin's own question, then each quiz's own
// "Try Again" reset, which handles both kinds of quiz.
//
// 1 and 2 run once the page's math is typeset, since typeset formulas change
// widths and labels, after every instant navigation and on resize.
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

var BADGE_LENGTH = 30; // mkdocs-quiz's maxBadgeLen

function retypeBadges() {
  document.querySelectorAll(".quiz").forEach(function (quiz) {
    var badges = quiz.querySelectorAll(".quiz-feedback-badge");
    // The plugin makes one badge per checked option, in order.
    var checked = quiz.querySelectorAll('input[name="answer"]:checked');
    badges.forEach(function (badge, i) {
      var label = checked[i] && checked[i].parentElement.querySelector("label");
      if (!label) return;
      var text = label.textContent.trim();
      badge.title = text;
      badge.textContent =
        text.length <= BADGE_LENGTH
          ? text
          : text.substring(0, BADGE_LENGTH).trimEnd() + "\u2026";
    });
  });
}

function afterTypesetting() {
  var mathjax = window.MathJax && window.MathJax.startup;
  var typeset = (mathjax && mathjax.promise) || Promise.resolve();
  typeset.then(function () {
    focusScrollables();
    retypeBadges();
  });
}

document$.subscribe(afterTypesetting);
window.addEventListener("resize", afterTypesetting);

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
