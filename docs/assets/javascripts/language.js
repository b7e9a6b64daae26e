// The language switcher: from any page to the same page in the other
// language (hooks/_i18n.py says how the two languages are built).
//
// mkdocs-static-i18n writes the switcher's links when it builds a page, but
// Material's instant navigation replaces only the content of the page: the
// switcher would keep leading to the translation of the first page read.
// After every navigation the links are set again from the address. English
// pages live at the site's root and Chinese ones under zh/, at the same path.
//
// A switch is a full page load, not an instant one: the other language has
// its own search index and sitemap, which Material reads once, at load.
(function () {
  var LANGUAGES = { en: "", zh: "zh/" };

  function languageRoot() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base.replace(/\/?$/, "/"), location.href);
  }

  function setLinks() {
    var root = languageRoot();
    var siteRoot = /\/zh\/$/.test(root.pathname) ? new URL("../", root) : root;
    var path = location.pathname.slice(root.pathname.length);
    var links = document.querySelectorAll(".md-select a[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var prefix = LANGUAGES[links[i].getAttribute("hreflang")];
      if (prefix !== undefined) {
        links[i].href = new URL(prefix + path, siteRoot).href + location.hash;
      }
    }
  }

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      location.assign(link.href);
    },
    true,
  );

  if (typeof document$ !== "undefined") {
    document$.subscribe(setLinks);
  } else {
    setLinks();
  }
})();
