/* Ata Zan's own scripts for every page, in a file: the site's Content-Security-Policy
   (overrides/partials/atazan/head-csp.html) runs no inline script but Material's own known ones,
   and no inline event handler. Loaded in <head>, before Material's bundle, with the page's
   base URL in data-base (overrides/partials/atazan/head-scripts.html). Each part says why. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || ".";

  /* 1. Tooltips are text, never markup.
     Material's content.tooltips draws a tooltip by setting the innerHTML of a fresh
     `.md-tooltip2__inner` (header, content, sidebar: `.md-tooltip__inner`) to its host's title.
     For a shortened heading, page title or navigation entry (`.md-ellipsis`) it first copies the
     element's innerText into that title: the text after the browser has decoded our escaping, so a
     heading "<img src=x onerror=…>" from data would become a live element on hover or focus. No
     escaping at build time can prevent that, so the tooltip elements themselves take only text:
     whatever is assigned to their innerHTML becomes their textContent. Nothing else changes. */
  var innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, "innerHTML");
  function isTooltip(element) {
    var list = element.classList;
    return !!list && (list.contains("md-tooltip2__inner") || list.contains("md-tooltip__inner"));
  }
  if (innerHTML && innerHTML.configurable) {
    Object.defineProperty(Element.prototype, "innerHTML", {
      configurable: true,
      enumerable: innerHTML.enumerable,
      get: function () {
        // `innerHTML += title` reads first: the text, so that the sum stays text.
        return isTooltip(this) ? this.textContent : innerHTML.get.call(this);
      },
      set: function (value) {
        if (isTooltip(this)) this.textContent = String(value);
        else innerHTML.set.call(this, value);
      }
    });
  }

  /* 2. Escape hides the tooltip that is showing without moving focus (WCAG 1.4.13); it comes
     back on the next hover or focus. Glossary terms (hooks/atazan/website/glossary.py) show
     their definition in one. */
  addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
      tip.classList.remove("md-tooltip2--active");
    });
  });

  /* 3. No needless sitemap requests. Material's bundle requests "sitemap.xml" beside every
     <link rel="alternate"> (for alternates that point at language roots); next to a page or the
     news feed that file does not exist, and each request would download the 404 page. Only the
     site's own sitemap.xml is let through; the others fail at once, as Material handles a 404. */
  var sitemap = new URL(base.replace(/\/$/, "") + "/sitemap.xml", location.href).href;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var target = new URL(String(url), location.href);
    this.atazanSkip = /\/sitemap\.xml$/.test(target.pathname) && target.href !== sitemap;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.atazanSkip) return send.apply(this, arguments);
    var request = this;
    setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); }, 0);
  };

  /* 4. Paper. Material's collapsed blocks are <details>: they open for printing and close again
     after, so a printed page holds every text the screen hides behind a click. The "Print" button
     of theme and provision pages (partials/atazan/page-banner.html) prints. */
  addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (element) {
      element.setAttribute("open", "");
      element.setAttribute("data-atazan-print-opened", "");
    });
  });
  addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-atazan-print-opened]").forEach(function (element) {
      element.removeAttribute("open");
      element.removeAttribute("data-atazan-print-opened");
    });
  });
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest(".atazan-print-button");
    if (button) window.print();
  });

  /* 5. The 404 page (partials/atazan/not-found.html). A static host serves /404.html for every
     miss, so on the default language's page a miss under ru/ or en/ goes on to that language's
     404 page; "Search" opens Material's search (it reads ?q=) with the words of the address. */
  document.addEventListener("DOMContentLoaded", function () {
    var notFound = document.querySelector(".atazan-notfound");
    if (!notFound) return;
    var root = new URL(notFound.getAttribute("data-root") + "/", location.href);
    var others = (notFound.getAttribute("data-others") || "").split(" ").filter(Boolean);
    function inside(path) {
      try { path = decodeURIComponent(path); } catch (error) { /* keep it as it is */ }
      var prefix = decodeURIComponent(root.pathname);
      return path.indexOf(prefix) === 0 ? path.slice(prefix.length) : path.replace(/^\//, "");
    }
    var missed = inside(location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : location.pathname);
    var other = /^([a-z]{2})\//.exec(missed);
    if (others.length && !location.hash && other && others.indexOf(other[1]) >= 0 && !/\/404\.html$/.test(location.pathname)) {
      location.replace(new URL(other[1] + "/404.html#" + encodeURIComponent(location.pathname), root).href);
      return;
    }
    if (other) missed = missed.slice(3);
    var words = missed.split(/[\/\-_.]+/).filter(function (word) {
      return word && !/^(index|html?|404)$/.test(word);
    });
    var link = notFound.querySelector(".atazan-notfound-search");
    if (link && words.length) link.href += encodeURIComponent(words.join(" "));
  });
})();
