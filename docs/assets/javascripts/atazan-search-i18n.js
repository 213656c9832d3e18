/* Search in the reader's language (why and how: decisions/search.md; the page side is
   overrides/partials/atazan/head-i18n.html, which gives this page's language, base URL and the
   languages' address prefixes in data- attributes). A file, not an inline script: the site's
   Content-Security-Policy runs no inline script of ours. */
(function () {
  var element = document.currentScript;
  var lang = element.getAttribute("data-lang");
  // base_url is "..", "." or, on 404 pages, an absolute path ending in "/".
  var root = element.getAttribute("data-base");
  var base = new URL(root + (/\/$/.test(root) ? "" : "/") + "search/", location.href);
  var combined = new URL("search_index.json", base).href;
  var script = new URL("search_index.js", base).href;

  function own(url) {
    var href = new URL(String(url), location.href).href;
    if (href === combined) return new URL("search_index." + lang + ".json", base).href;
    if (href === script) return new URL("search_index." + lang + ".js", base).href;
    return url;
  }

  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    args[1] = own(url);
    return open.apply(this, args);
  };
  var setAttribute = HTMLScriptElement.prototype.setAttribute;
  HTMLScriptElement.prototype.setAttribute = function (name, value) {
    return setAttribute.call(this, name, String(name).toLowerCase() === "src" ? own(value) : value);
  };

  var Base = window.Worker;
  if (!Base) return;
  var params = "lang=" + encodeURIComponent(lang) + "&prefixes=" + encodeURIComponent(element.getAttribute("data-prefixes"));
  window.Worker = function (url, options) {
    var match = /^(.*\/workers\/)(search\.[\w.]+\.js)$/.exec(String(url));
    if (match) url = match[1] + "atazan-search.js?worker=" + match[2] + "&" + params;
    return new Base(url, options);
  };
  window.Worker.prototype = Base.prototype;
})();
