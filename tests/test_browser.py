"""The built site in a real browser: Chromium, driven by Playwright.

The site is built once (``mkdocs build --strict``) and served on 127.0.0.1
under ``/activation-functions/``, as GitHub Pages serves a project. Every
page is visited; then the quizzes, the colour toggle, the search and the
notebook pages are used as a reader uses them, and axe-core checks the
accessibility of a few typical pages.

Without Chromium (or the playwright package, or axe-core) these tests skip
with a message that says what to install; under CI (``CI=true``) they fail
instead. ``.ci/run`` installs all three.
"""

from __future__ import annotations

import io
import json
import urllib.parse
from pathlib import Path

import pytest
from browser_site import (
    SiteServer,
    axe_source,
    html_pages,
    missing_npm,
    npm_module,
)
from modules import load_file
from optional import require

#: Seconds a step may wait for the page (typesetting, search, navigation).
WAIT_MS = 15_000
#: The hook part that sends an anchor published before a split to its page.
MOVED = load_file(
    "course_moved", Path(__file__).resolve().parents[1] / "hooks" / "_moved.py"
)

QUIZ_PAGE = "chapters/catalogue/relu-family/"
KEYBOARD_QUIZ_PAGE = "chapters/catalogue/elu-family/"
FIGURE_PAGE = "chapters/catalogue/sigmoid-family/"
#: Pages axe-core checks, with the colour scheme the reader's system prefers.
AXE_PAGES = {
    "home": ("", "light"),
    "chapter": ("chapters/why/", "light"),
    "chapter-dark": ("chapters/why/", "dark"),
    "catalogue": ("chapters/catalogue/", "light"),
    "family": ("chapters/catalogue/relu-family/", "light"),
    "notebook": ("notebooks/depth/", "light"),
    "notebook-dark": ("notebooks/depth/", "dark"),
    # The Chinese edition: a chapter, a catalogue family with its cards and
    # its explorer, and a notebook.
    "chapter-zh": ("zh/chapters/why/", "light"),
    "family-zh": ("zh/chapters/catalogue/relu-family/", "dark"),
    "notebook-zh": ("zh/notebooks/depth/", "light"),
}


# --- fixtures -------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(site):
    with SiteServer(site) as server:
        yield server


class Traffic:
    """Everything a browser context asked for, and what went wrong."""

    def __init__(self, context, origin: str) -> None:
        self.origin = origin
        self.foreign: list[str] = []
        self.bad_status: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.requests = 0
        self.in_flight: set = set()
        context.route(lambda url: not self.is_local(url), self._abort)
        context.on("request", self._count)
        context.on("requestfinished", self._finished)
        context.on("response", self._check_response)
        context.on("requestfailed", self._check_failure)

    def is_local(self, url: str) -> bool:
        # data: and blob: URLs are the page's own bytes: no request leaves.
        scheme = urllib.parse.urlsplit(url).scheme
        return scheme in ("data", "blob") or url.startswith(self.origin)

    def _abort(self, route):
        self.foreign.append(route.request.url)
        route.abort()

    def _count(self, request):
        self.requests += 1
        self.in_flight.add(request)

    def _finished(self, request):
        self.in_flight.discard(request)

    def wait_quiet(self, page, quiet_ms: int = 150) -> None:
        """Wait until no request is open and none starts for ``quiet_ms``.

        Playwright's "networkidle" waits 500 ms of quiet after the last
        request, on every page; the requests a page makes after its load
        event (the favicon, the search index) start within a few
        milliseconds, so a shorter window, reset by each request, sees them.
        """
        seen = -1
        while seen != self.requests or self.in_flight:
            seen = self.requests
            page.wait_for_timeout(quiet_ms)

    def _check_response(self, response):
        if response.status != 200:
            self.bad_status.append(f"{response.status} {response.url}")

    def _check_failure(self, request):
        self.in_flight.discard(request)
        if request.url in self.foreign:
            return
        # The browser asks for the favicon by itself after the load event and
        # cancels that request when the page navigates or reloads first: a
        # cancellation, not a failure of the site (a missing file is a 404).
        cancelled = "ERR_ABORTED" in str(request.failure)
        if cancelled and urllib.parse.urlsplit(request.url).path.endswith(
            "/favicon.png"
        ):
            return
        self.failed.append(f"{request.url}: {request.failure}")

    def watch(self, page):
        """Record the console errors and uncaught exceptions of ``page``."""
        page.on(
            "console",
            lambda msg: (
                self.errors.append(f"console: {msg.text}")
                if msg.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda exc: self.errors.append(f"exception: {exc}"))
        return page

    def problems(self) -> dict[str, list[str]]:
        found = {
            "requests to another host": self.foreign,
            "responses other than 200": self.bad_status,
            "failed requests": self.failed,
            "console errors": self.errors,
        }
        return {name: items for name, items in found.items() if items}

    def clear(self) -> None:
        for items in (self.foreign, self.bad_status, self.failed, self.errors):
            items.clear()


#: Each language's search index, as the pages fetch it.
SEARCH_INDEX = "**/search/search_index.json"
#: The few entries of each index that pages get outside the search tests.
SMALL_INDEXES: dict[str, bytes] = {}


def small_search_index(route) -> None:
    """Serve the first entries of the real search index, with its configuration.

    Material's search worker builds the whole lunr index on every page load,
    which was a third of the browser's work in a test that loads pages one
    after another (every fourth page of the site on two cores: 40 s with the
    whole index, 26 s with five entries). A test of something else gets
    the real file's status (a missing index is still a 404 it reports) and
    an index the worker builds at once; the search tests call
    ``whole_search_index`` and search the real one.
    """
    url = route.request.url
    if url not in SMALL_INDEXES:
        response = route.fetch()
        if response.status != 200:
            route.fulfill(response=response)
            return
        index = json.loads(response.body())
        index["docs"] = index["docs"][:5]
        SMALL_INDEXES[url] = json.dumps(index).encode()
    route.fulfill(status=200, content_type="application/json", body=SMALL_INDEXES[url])


def whole_search_index(context) -> None:
    """Let the pages of ``context`` fetch the real search index, unchanged."""
    context.unroute(SEARCH_INDEX, small_search_index)


@pytest.fixture
def context(browser, server):
    """A fresh browser context (empty storage, light colour scheme), whose
    pages get a search index of a few entries (see ``small_search_index``)."""
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, color_scheme="light"
    )
    context.set_default_timeout(WAIT_MS)
    origin = server.base_url.split("/activation-functions/")[0] + "/"
    context.traffic = Traffic(context, origin)
    context.route(SEARCH_INDEX, small_search_index)
    yield context
    # A page may still be fetching its index: closing would fail that fetch
    # in the route's handler, an error of no test.
    context.unroute_all(behavior="ignoreErrors")
    context.close()


@pytest.fixture
def page(context):
    return context.traffic.watch(context.new_page())


def open_page(page, server, path: str, *, idle: bool = False) -> None:
    """Load ``path`` and wait until its math is typeset and its images loaded.

    With ``idle``, wait for the network to be quiet too, so that requests the
    browser makes after the load event (the favicon, Material's sitemap)
    finish on this page. A test that follows a link by instant navigation
    needs it: Material navigates instantly only once its sitemap has
    arrived, and a click before that is a full page load.
    """
    page.goto(server.url(path), wait_until="load")
    settle(page)
    if idle:
        page.context.traffic.wait_quiet(page)


def settle(page) -> None:
    page.evaluate(IMAGES)


#: Waits for every image to load or fail; lazy images are fetched at once.
IMAGES = """async () => {
  document.querySelectorAll('img[loading="lazy"]').forEach((img) => {
    img.loading = "eager";
  });
  await Promise.all([...document.images].map((img) => img.complete ? null :
    new Promise((done) => { img.onload = img.onerror = done; })));
}"""

#: Text left untypeset: TeX delimiters in text outside code, per element.
RAW_MATH = r"""() => {
  const skip = "pre, code, script, style, textarea, kbd, mjx-container";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const raw = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip)) continue;
    if (/\\\(|\\\[|\$\$/.test(node.textContent)) {
      raw.push(node.textContent.trim().slice(0, 80));
    }
  }
  const untypeset = [...document.querySelectorAll(".arithmatex")]
    .filter((el) => !el.querySelector("mjx-container"))
    .map((el) => "untypeset .arithmatex: " + el.textContent.trim().slice(0, 80));
  return raw.concat(untypeset);
}"""

#: Images that did not load.
BROKEN_IMAGES = """() => [...document.images]
  .filter((img) => !(img.complete && img.naturalWidth > 0))
  .map((img) => img.getAttribute("src").slice(0, 120))"""


# --- every page -----------------------------------------------------------------


#: Every page is checked, in this many shares: pytest-xdist runs the shares
#: on different workers, each with its own browser.
SHARES = 4


@pytest.mark.parametrize("share", range(SHARES))
def test_every_page_loads_from_the_site_alone_with_math_and_figures(
    context, page, server, site, share
):
    every = html_pages(site)
    assert len(every) >= 10, f"only {len(every)} pages built"
    pages = every[share::SHARES]  # the shares together are every page
    traffic = context.traffic
    report = {}
    for path in pages:
        traffic.clear()
        open_page(page, server, path, idle=True)
        problems = traffic.problems()
        if raw := page.evaluate(RAW_MATH):
            problems["raw TeX left in the page"] = raw
        if broken := page.evaluate(BROKEN_IMAGES):
            problems["images that did not load"] = broken
        if problems:
            report[path or "(home)"] = problems
    assert traffic.requests > len(pages)
    assert not report, "pages with problems:\n" + json.dumps(report, indent=2)


def test_the_site_is_not_served_outside_its_sub_path(context, page, server):
    # The server mimics GitHub Pages: a link that escapes the sub-path breaks.
    response = page.goto(server.url().replace("/activation-functions/", "/"))
    assert response.status == 404
    context.traffic.clear()


def test_notebook_pages_show_their_outputs(page, server, site):
    notebooks = [path for path in html_pages(site) if path.startswith("notebooks/")]
    assert notebooks, "no notebook page was built"
    for path in notebooks:
        open_page(page, server, path)
        outputs = page.locator(".jp-OutputArea-output")
        assert outputs.count() > 0, f"{path}: no cell output"
        images = page.evaluate(
            """() => [...document.querySelectorAll(".jp-OutputArea-output img")]
                 .map((img) => img.naturalWidth)"""
        )
        assert images, f"{path}: no image among the cell outputs"
        assert all(width > 0 for width in images), f"{path}: an output image is empty"


# --- quizzes --------------------------------------------------------------------

#: The state of the multiple-choice quizzes on the page, by id.
QUIZ_STATE = """() => Object.fromEntries(
  [...document.querySelectorAll(".quiz")]
    .filter((quiz) => quiz.querySelector('input[type="radio"]'))
    .map((quiz) => {
      const feedback = quiz.querySelector(".quiz-feedback");
      const item = feedback.querySelector(".quiz-feedback-item");
      return [quiz.id, {
        checked: [...quiz.querySelectorAll("input:checked")].map((i) => i.value),
        shown: !feedback.classList.contains("hidden"),
        verdict: item ? (item.classList.contains("correct") ? "correct" : "incorrect")
                      : null,
        text: [...feedback.querySelectorAll(".quiz-feedback-item-content")]
          .map((content) => content.textContent.trim()).join("\\n"),
        marked_correct: [...quiz.querySelectorAll("fieldset > div.correct input")]
          .map((i) => i.value),
        marked_wrong: [...quiz.querySelectorAll("fieldset > div.wrong input")]
          .map((i) => i.value),
      }];
    }))"""


def option_feedback(quiz, value: str) -> str:
    """The explanation the page carries for option ``value`` of ``quiz``."""
    return (
        quiz.locator(f'input[value="{value}"] ~ .answer-feedback')
        .text_content()
        .strip()
    )


def answer(quiz, *, correct: bool) -> str:
    """Click the label of a right or a wrong option of ``quiz``; its value."""
    selector = 'input[data-correct="true"]' if correct else "input:not([data-correct])"
    option = quiz.locator(selector).first
    value = option.get_attribute("value")
    label = quiz.locator(f'label[for="{option.get_attribute("id")}"]')
    # Scrolling far down a long page renders the blocks course.css leaves
    # unrendered off screen (content-visibility), which can move the label
    # between Playwright's hit test and its click, so that the click lands
    # beside it: a reader, who scrolls there and sees the page settle, never
    # meets this. Click again only if the option did not get checked.
    for _ in range(3):
        label.click()
        if option.is_checked():
            return value
        label.page.wait_for_timeout(200)
    raise AssertionError(f"three clicks on option {value} of a quiz did not check it")


def test_quiz_feedback_survives_reload_and_instant_navigation_and_resets(
    context, page, server
):
    open_page(page, server, QUIZ_PAGE)
    choice = page.locator(".quiz").filter(has=page.locator('input[type="radio"]'))
    assert choice.count() >= 2, f"{QUIZ_PAGE} needs two multiple-choice quizzes"
    right, wrong = choice.nth(0), choice.nth(1)
    right_id, wrong_id = right.get_attribute("id"), wrong.get_attribute("id")

    right_value = answer(right, correct=True)
    wrong_value = answer(wrong, correct=False)
    (correct_value,) = [
        wrong.locator('input[data-correct="true"]').get_attribute("value")
    ]
    expected = {
        right_id: {
            "checked": [right_value],
            "shown": True,
            "verdict": "correct",
            "text": option_feedback(right, right_value),
            "marked_correct": [right_value],
            "marked_wrong": [],
        },
        wrong_id: {
            "checked": [wrong_value],
            "shown": True,
            "verdict": "incorrect",
            "text": option_feedback(wrong, wrong_value),
            "marked_correct": [correct_value],
            "marked_wrong": [wrong_value],
        },
    }

    def answered() -> dict:
        state = page.evaluate(QUIZ_STATE)
        return {key: state[key] for key in expected}

    assert answered() == expected
    assert (
        page.locator(
            "#quiz-progress-sidebar .quiz-progress-answered"
        ).first.text_content()
        == "2"
    )

    # Wait for the sitemap, which instant navigation needs, as a reader would.
    page.reload(wait_until="load")
    context.traffic.wait_quiet(page)
    settle(page)
    assert answered() == expected, "the answers did not survive a reload"
    assert not page.evaluate(RAW_MATH), "math untypeset after a reload"

    # Instant navigation swaps the content without loading a new document:
    # a marker on window survives it, and would not survive a full load.
    page.evaluate("() => { window.__sameDocument = true; }")
    # An instant navigation fires no load event of its own, and one still in
    # flight (an image of the page left) may never fire: wait for the address
    # and then for the content, not for "load".
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(lambda url: QUIZ_PAGE not in url, wait_until="commit")
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(
        lambda url: urllib.parse.urlsplit(url).path.endswith(QUIZ_PAGE),
        wait_until="commit",
    )
    page.wait_for_function(f"() => document.getElementById('{right_id}')")
    settle(page)
    assert page.evaluate("() => window.__sameDocument === true"), (
        "navigation.instant did not keep the document"
    )
    page.wait_for_function(
        f"() => !document.querySelector('#{right_id} .quiz-feedback.hidden')"
    )
    assert answered() == expected, "the answers did not survive instant navigation"
    assert not page.evaluate(RAW_MATH), "math untypeset after instant navigation"

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#quiz-progress-sidebar .quiz-reset-all-link").click()
    blank = {"checked": [], "shown": False, "verdict": None, "text": ""}
    blank |= {"marked_correct": [], "marked_wrong": []}
    state = page.evaluate(QUIZ_STATE)
    assert all(quiz == blank for quiz in state.values()), state
    page.reload(wait_until="load")
    settle(page)
    state = page.evaluate(QUIZ_STATE)
    assert all(quiz == blank for quiz in state.values()), "the reset did not last"
    assert not context.traffic.problems(), context.traffic.problems()


def tab_into(page, selector: str, limit: int = 600) -> None:
    """Press Tab until the focus is in ``selector``.

    A chapter has many links (to the glossary, to other chapters) before its
    quizzes.
    """
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => !!document.activeElement?.closest(sel)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_quizzes_can_be_answered_with_the_keyboard_alone(context, page, server):
    # From the top of the page, with Tab, Space, typing and Enter only: the
    # first fill-in blank, then the first multiple-choice question after it.
    open_page(page, server, KEYBOARD_QUIZ_PAGE)
    blank = page.locator(".quiz[data-quiz-type='fill-blank']").first
    blank_id = blank.get_attribute("id")
    choice = page.locator(f"#{blank_id} ~ .quiz").filter(
        has=page.locator('input[type="radio"]')
    )
    assert choice.count(), f"no multiple-choice quiz after #{blank_id}"
    choice = choice.first
    choice_id = choice.get_attribute("id")

    tab_into(page, f"#{blank_id} .quiz-blank-input")
    wanted = blank.locator(".quiz-blank-input").first.get_attribute("data-answer")
    page.keyboard.type(wanted)
    # The blank sits outside the quiz's <form>, so Enter in it submits
    # nothing: Tab on to the Submit button and press Enter there.
    tab_into(page, f"#{blank_id} button[type='submit']")
    page.keyboard.press("Enter")
    item = blank.locator(".quiz-feedback .quiz-feedback-item")
    assert "correct" in item.get_attribute("class").split()
    # The feedback takes the focus, so a screen reader reads it next.
    assert page.evaluate(
        f"() => document.activeElement.matches('#{blank_id} .quiz-feedback')"
    )

    tab_into(page, f"#{choice_id} fieldset")
    focused = page.evaluate("() => document.activeElement.value")
    page.keyboard.press("Space")
    state = page.evaluate(QUIZ_STATE)[choice_id]
    assert state["checked"] == [focused]
    assert state["shown"], "Space on an option did not submit the answer"
    assert state["text"] == option_feedback(choice, focused)
    assert page.evaluate(
        f"() => document.activeElement.matches('#{choice_id} .quiz-feedback')"
    )
    assert not context.traffic.problems(), context.traffic.problems()


# --- colour schemes, figures, search ------------------------------------------

#: The page's background colour and the figures on screen.
BACKGROUND = """() => getComputedStyle(document.body).backgroundColor
  .match(/[\\d.]+/g).slice(0, 3).map(Number)"""


def luminance(rgb) -> float:
    """WCAG relative luminance of an sRGB colour given as 0-255 channels."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: float, b: float) -> float:
    """WCAG contrast ratio of two relative luminances."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def ink_contrast(png: bytes, background) -> tuple[float, float]:
    """How a figure's drawing stands out from the page behind it.

    Returns the contrast of its strongest 0.5 % of pixels (its text and
    axes) and the share of pixels with a contrast of at least 3.
    """
    import numpy as np
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
    c = pixels / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    lum = c @ np.array([0.2126, 0.7152, 0.0722])
    bg = luminance(background)
    ratio = (np.maximum(lum, bg) + 0.05) / (np.minimum(lum, bg) + 0.05)
    return float(np.quantile(ratio, 0.995)), float(np.mean(ratio >= 3))


#: Contrast of a figure's text and axes against the page: at least 6:1 in
#: both schemes as drawn (dark text inverted in the dark scheme), and about
#: 4.3:1 if the dark scheme showed the figures as drawn, dark on dark.
MIN_FIGURE_CONTRAST = 5.5


def figure_readability(page) -> list[str]:
    """Problems with the figures' contrast against the current background."""
    background = page.evaluate(BACKGROUND)
    # Visible ones: a widget hides its static figure once it is drawn.
    figures = page.locator('.md-content img[src*="figures/"]:visible')
    count = figures.count()
    assert count > 0, "no figure on the page"
    problems = []
    for index in sorted({0, count // 2, count - 1}):
        figure = figures.nth(index)
        figure.scroll_into_view_if_needed()
        strongest, inked = ink_contrast(figure.screenshot(), background)
        name = figure.get_attribute("src")
        if strongest < MIN_FIGURE_CONTRAST:
            problems.append(
                f"{name}: text contrast {strongest:.2f} < {MIN_FIGURE_CONTRAST}"
            )
        if inked < 0.005:
            problems.append(f"{name}: only {inked:.2%} of pixels stand out")
    return problems


def scheme(page) -> str:
    return page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")


def test_colour_toggle_switches_scheme_and_figures_stay_readable(context, page, server):
    open_page(page, server, FIGURE_PAGE)
    assert scheme(page) == "default"
    light = luminance(page.evaluate(BACKGROUND))
    assert light > 0.8
    assert figure_readability(page) == []

    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function(
        "() => document.body.getAttribute('data-md-color-scheme') === 'slate'"
    )
    dark = luminance(page.evaluate(BACKGROUND))
    assert dark < 0.05, "the dark scheme did not darken the page"
    assert figure_readability(page) == []

    page.reload(wait_until="load")
    settle(page)
    assert scheme(page) == "slate", "the chosen scheme did not survive a reload"
    page.locator("label[title='Switch to light mode']").click()
    page.wait_for_function(
        "() => document.body.getAttribute('data-md-color-scheme') === 'default'"
    )
    assert not context.traffic.problems(), context.traffic.problems()


def test_search_finds_relu_offline(context, page, server):
    whole_search_index(context)
    open_page(page, server, "")
    found = search_results(page, "ReLU")
    assert found
    assert "relu" in page.locator(".md-search-result__list").inner_text().lower()
    # The catalogue's cards weigh more (hooks/_search.py): the first page
    # found is the catalogue, and its first section ReLU's card; a whole word
    # counts more than the start of a longer one, so ReLU6's card comes after.
    first = found[:4]
    assert "/chapters/catalogue/" in first[0], first
    sections = [link.rpartition("#")[2] for link in found if "#" in link]
    assert sections[0] == "relu", found[:6]
    assert sections.index("relu") < sections.index("relu6"), sections
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "matching" in meta.lower(), meta
    # GELU's card before that of its tanh approximation.
    sections = [link.rpartition("#")[2] for link in search_results(page, "gelu")]
    assert sections.index("gelu") < sections.index("gelu-tanh-approximation")
    assert not context.traffic.problems(), context.traffic.problems()


#: A card published on the catalogue's one page before it was split by family.
OLD_CARD_ADDRESS = ("chapters/catalogue/", "gelu")


def test_an_anchor_published_before_the_split_lands_on_its_heading(page, server, site):
    chapter, anchor = OLD_CARD_ADDRESS
    first_page = (site / chapter / "index.html").read_text(encoding="utf-8")
    moved_to = MOVED.read_map(first_page).get(anchor)
    assert moved_to, f"{chapter} has no redirect for #{anchor}"
    page.goto(server.url(f"{chapter}#{anchor}"), wait_until="load")
    page.wait_for_url(server.url(f"{chapter}{moved_to}#{anchor}"), timeout=WAIT_MS)
    settle(page)
    heading = page.locator(f"[id='{anchor}']")
    assert heading.count() == 1
    box, height = heading.bounding_box(), page.viewport_size["height"]
    assert box is not None
    assert 0 <= box["y"] < height, f"the heading is not in view: {box}, {height}"
    # Leaving the first page at once cancels what it had begun to load.
    problems = page.context.traffic.problems()
    cancelled = problems.pop("failed requests", [])
    assert all("ERR_ABORTED" in failure for failure in cancelled), cancelled
    assert not problems, problems


# --- accessibility --------------------------------------------------------------

#: axe-core impacts that fail the test.
BLOCKING = ("serious", "critical")


#: Renders the blocks that course.css leaves unrendered until they come near
#: the screen (content-visibility: auto), as scrolling to each would, and
#: lets fixes.js see them: axe-core then checks every block as the reader
#: sees it, instead of measuring blocks that are not laid out.
RENDER_ALL = """() => {
  const style = document.createElement("style");
  style.textContent = ".md-typeset > * { content-visibility: visible !important; }";
  document.head.append(style);
  focusScrollables(document);
}"""


def axe_violations(page) -> list[str]:
    page.evaluate(RENDER_ALL)
    page.add_script_tag(content=axe_source())
    results = page.evaluate(
        "async () => await axe.run(document, { resultTypes: ['violations'] })"
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.fixture
def axe(browser):
    require(npm_module("axe-core"), missing_npm("axe-core"))


@pytest.mark.parametrize(
    ("path", "preferred"), AXE_PAGES.values(), ids=AXE_PAGES.keys()
)
def test_axe_finds_no_serious_violation(axe, page, server, path, preferred):
    page.emulate_media(color_scheme=preferred)
    open_page(page, server, path)
    expected = "slate" if preferred == "dark" else "default"
    assert scheme(page) == expected
    assert axe_violations(page) == []


@pytest.mark.parametrize("preferred", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_an_answered_quiz(
    axe, page, server, preferred
):
    page.emulate_media(color_scheme=preferred)
    open_page(page, server, QUIZ_PAGE)
    choice = page.locator(".quiz").filter(has=page.locator('input[type="radio"]'))
    answer(choice.nth(0), correct=True)
    answer(choice.nth(1), correct=False)
    blank = page.locator(".quiz[data-quiz-type='fill-blank']").first
    blank.locator(".quiz-blank-input").first.fill("a wrong answer")
    blank.locator("button[type='submit']").click()
    assert axe_violations(page) == []


#: The widest display formula that course.css leaves unrendered at first.
WIDEST_FAR_FORMULA = """() => {
  const far = [...document.querySelectorAll(".md-typeset > div.arithmatex")]
    .filter((el) => getComputedStyle(el).contentVisibility === "auto"
      && !el.firstElementChild.checkVisibility({ contentVisibilityAuto: true }));
  const width = (el) => parseFloat(el.querySelector("svg").getAttribute("width"));
  far.sort((a, b) => width(b) - width(a));
  if (!far.length) return null;
  far[0].id = far[0].id || "widest-far-formula";
  return far[0].id;
}"""


def test_a_wide_formula_far_down_becomes_focusable_when_it_is_shown(context, server):
    # On a phone, a long formula scrolls sideways and must take the focus
    # (fixes.js). Far down a long page it is not rendered at load, so it is
    # measured only when the reader scrolls to it.
    phone = context.new_page()
    phone.set_viewport_size({"width": 360, "height": 740})
    open_page(phone, server, "chapters/loss/fused-losses/")
    formula = phone.evaluate(WIDEST_FAR_FORMULA)
    assert formula, "no unrendered display formula on the page"
    target = phone.locator(f"#{formula}")
    assert target.get_attribute("tabindex") is None
    target.scroll_into_view_if_needed()
    phone.wait_for_function(
        "(id) => document.getElementById(id).getAttribute('tabindex') === '0'",
        arg=formula,
        timeout=5000,
    )
    assert phone.evaluate(
        "(id) => { const el = document.getElementById(id);"
        " return el.scrollWidth > el.clientWidth; }",
        formula,
    )
    phone.close()


# --- the Chinese edition ----------------------------------------------------------


def search_results(page, query: str) -> list[str]:
    """The addresses search lists for ``query``, typed as a reader types it
    into the emptied search box."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    # An emptied box clears the list: no result of an earlier query is read.
    page.locator(".md-search-result__item").first.wait_for(state="detached")
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    # The list is drawn again as each letter arrives: read it whole, once it
    # has stayed the same for a moment (reading link by link raced a redraw).
    found, before = page.evaluate(SEARCH_LINKS), None
    while found != before:
        page.wait_for_timeout(200)
        before, found = found, page.evaluate(SEARCH_LINKS)
    return found


#: The addresses of the search results shown, in order.
SEARCH_LINKS = """() => [...document.querySelectorAll(".md-search-result__link")]
  .map((link) => link.getAttribute("href"))"""


def test_a_chinese_query_finds_chinese_pages_and_no_english_one(context, page, server):
    whole_search_index(context)
    open_page(page, server, "zh/chapters/why/")
    found = search_results(page, "梯度消失")
    assert found
    assert all("/activation-functions/zh/" in link for link in found), found
    assert "/zh/chapters/optimisation/vanishing-exploding/" in found[0], found[:3]
    # Words jieba put together are found from any of their parts, and a
    # function's name finds the Chinese catalogue, not the English one.
    found = search_results(page, "relu")
    assert "/zh/chapters/catalogue/" in found[0], found[:3]
    assert not context.traffic.problems(), context.traffic.problems()


def test_an_english_query_finds_english_pages_only(context, page, server):
    whole_search_index(context)
    open_page(page, server, "chapters/why/")
    found = search_results(page, "saturation")
    assert found
    assert not [link for link in found if "/zh/" in link], found
    assert not context.traffic.problems(), context.traffic.problems()


def switcher_link(page, lang: str) -> str:
    return page.locator(f".md-select a[hreflang='{lang}']").get_attribute("href")


def test_the_switcher_leads_to_the_same_page_also_after_instant_navigation(
    context, page, server
):
    open_page(page, server, "chapters/why/xor/", idle=True)
    assert switcher_link(page, "zh").endswith(
        "/activation-functions/zh/chapters/why/xor/"
    )
    # Instant navigation replaces the content but not the header: the
    # switcher must follow all the same.
    page.locator(".md-content a[href$='linear-collapse/']").first.click()
    # Instant navigation: no load event of its own (see the quiz test above).
    page.wait_for_url(server.url("chapters/why/linear-collapse/"), wait_until="commit")
    page.wait_for_function("() => location.pathname.endsWith('/linear-collapse/')")
    target = switcher_link(page, "zh")
    assert target.endswith("/zh/chapters/why/linear-collapse/"), target
    page.locator(".md-select a[hreflang='zh']").dispatch_event("click")
    page.wait_for_url(server.url("zh/chapters/why/linear-collapse/"))
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "zh"
    # A full load: the Chinese page's own configuration (its search index).
    base = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).base"
    )
    assert base.endswith("/zh/"), base
    assert switcher_link(page, "en").endswith(
        "/activation-functions/chapters/why/linear-collapse/"
    )
    # The switch is a full load: what the English page still had in flight
    # is cancelled, as when a reader follows any link early.
    problems = context.traffic.problems()
    cancelled = problems.pop("failed requests", [])
    assert all("ERR_ABORTED" in failure for failure in cancelled), cancelled
    assert not problems, problems


def test_a_chinese_page_speaks_chinese_around_its_content(page, server):
    open_page(page, server, "zh/chapters/why/xor/")
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜索"
    quiz = page.locator(".quiz").first
    assert "提交" in quiz.inner_text()
    title = page.locator(".md-header__topic").first.inner_text()
    assert "深度学习中的激活函数" in title
