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

  // The root of the language being read: __config.base, which points at
  // zh/ on a Chinese page (hooks/_i18n.py).
  function languageRoot() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base.replace(/\/?$/, "/"), location.href);
  }

  // The address of the page being read, in language ``lang``.
  function addressIn(lang) {
    var root = languageRoot();
    var siteRoot = /\/zh\/$/.test(root.pathname) ? new URL("../", root) : root;
    var path = location.pathname.slice(root.pathname.length);
    return new URL(LANGUAGES[lang] + path, siteRoot).href + location.hash;
  }

  function setLinks() {
    var links = document.querySelectorAll(".md-select a[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var lang = links[i].getAttribute("hreflang");
      if (LANGUAGES[lang] !== undefined) links[i].href = addressIn(lang);
    }
  }

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
        return;
      }
      var lang = link.getAttribute("hreflang");
      if (LANGUAGES[lang] === undefined) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      location.assign(addressIn(lang)); // from the address at the moment of the click
    },
    true,
  );

  // Material announces a new page before it updates the address bar: the
  // links are set once the address has changed.
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () {
      setTimeout(setLinks);
    });
  }
  if (typeof location$ !== "undefined") {
    location$.subscribe(function () {
      setTimeout(setLinks);
    });
  }
  setLinks();
})();
