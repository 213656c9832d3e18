/* The reader's path through the text (issue 22), in a file: the site's Content-Security-Policy runs
   no inline script of ours. Loaded with `defer` by overrides/partials/atazan/reader.html. Every page
   works without it; each part says what it adds.

   1. What changed: a filter by kind of change. Without the script the page is the whole list.
   2. The article-number jump (home page, article index): the form sends ?n=<number> to the
      article index, which holds every article's link and goes on to the article's page.
   3. While the site holds no text of the Constitution: an article-number search ("5", "статья 5",
      "5-бап", "article 5") shows first that the text is not here, and where it is officially
      published (the <template id="atazan-text-hint"> of reader.html); the 404 page of a link to an
      article says the same instead of blaming the link. */
(function () {
  "use strict";

  function ready(run) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  /* 1. The filter: one kind at a time, or all. A section with nothing left to show hides its heading. */
  function filters() {
    document.querySelectorAll(".atazan-filter").forEach(function (bar) {
      var buttons = bar.querySelectorAll(".atazan-filter-button");
      function show(kind) {
        buttons.forEach(function (button) {
          button.setAttribute("aria-pressed", String(button.getAttribute("data-kind") === kind));
        });
        document.querySelectorAll(".atazan-changelist > li").forEach(function (item) {
          item.hidden = !!kind && item.getAttribute("data-kind") !== kind;
        });
        document.querySelectorAll(".atazan-renumbered").forEach(function (fold) {
          fold.hidden = !!kind && kind !== "renumbered";
          if (kind === "renumbered") fold.open = true;
        });
        document.querySelectorAll(".atazan-changes-section").forEach(function (section) {
          var kinds = (section.getAttribute("data-kinds") || "").split(" ");
          var shown = !kind || kinds.indexOf(kind) >= 0;
          section.hidden = !shown;
          var heading = section.previousElementSibling;
          if (heading && /^H[23]$/.test(heading.tagName)) heading.hidden = !shown;
        });
      }
      bar.addEventListener("click", function (event) {
        var button = event.target instanceof Element && event.target.closest(".atazan-filter-button");
        if (button) show(button.getAttribute("data-kind"));
      });
      bar.hidden = false;
      // The buttons carry the counts the plain list gives without the script.
      document.querySelectorAll(".atazan-kinds-count").forEach(function (item) { item.hidden = true; });
    });
  }

  /* 2. The jump. The form's own action is the online address; the launcher's link to the article
     index is the one MkDocs wrote for this build (the offline copy's is articles/index.html). */
  function jump() {
    document.querySelectorAll("form.atazan-jump").forEach(function (form) {
      var index = document.querySelector(".atazan-launcher a.md-button--primary, a.atazan-jump-index");
      if (index) form.setAttribute("action", index.getAttribute("href"));
    });
    var wanted = /[?&]n=([0-9]{1,3}(?:-[0-9]{1,2})?)(?:&|$)/.exec(location.search);
    var list = document.querySelector(".atazan-index-list");
    if (!wanted || !list) return;
    var link = list.querySelector('a[data-article="' + wanted[1] + '"]');
    if (link) {
      location.replace(link.href);
      return;
    }
    var missing = document.querySelector(".atazan-jump-missing");
    if (missing) {
      missing.textContent = missing.getAttribute("data-text").replace("{n}", wanted[1]);
      missing.hidden = false;
    }
  }

  /* 3a. Search: Material renders results into .md-search-result; the note goes first, above them. */
  var ARTICLE_QUERY = /^\s*(?:(?:стать[а-я]*|ст\.?|article|art\.?)\s*)?([0-9]{1,3})(?:\s*-?\s*(?:бап|баб)[а-яәіңғүұқөһ]*)?\s*$/i;

  function searchNote() {
    var template = document.getElementById("atazan-text-hint");
    var input = document.querySelector("input.md-search__input");
    var output = document.querySelector(".md-search-result");
    if (!template || !input || !output) return;
    function update() {
      var found = ARTICLE_QUERY.exec(input.value.replace(/ё/g, "е"));
      var shown = output.querySelector(".atazan-search-text-hint");
      if (shown && (!found || shown.getAttribute("data-n") !== found[1])) {
        shown.remove();
        shown = null;
      }
      if (!found || shown) return;
      var note = template.content.firstElementChild.cloneNode(true);
      note.setAttribute("data-n", found[1]);
      var title = note.querySelector(".atazan-search-text-hint-title");
      title.textContent = title.textContent.replace("{n}", found[1]);
      var meta = output.querySelector(".md-search-result__meta");
      if (meta && meta.parentNode === output) meta.insertAdjacentElement("afterend", note);
      else output.insertBefore(note, output.firstChild);
    }
    input.addEventListener("input", update);
    input.addEventListener("keyup", update);
    // Material redraws its results after each query: the note stays first.
    new MutationObserver(update).observe(output, { childList: true });
  }

  /* 3b. The 404 page of a link to an article (articles/5/) while no text is held. */
  function notFound() {
    var page = document.querySelector(".atazan-notfound");
    var text = page && page.querySelector(".atazan-notfound-text");
    if (!text) return;
    var missed = location.hash.length > 1 ? location.hash.slice(1) : location.pathname;
    try { missed = decodeURIComponent(missed); } catch (error) { /* keep it as it is */ }
    if (!/(^|\/)articles\/[^\/]+/.test(missed)) {
      text.hidden = true;
      return;
    }
    var title = page.querySelector("h1");
    var heading = text.querySelector("h2");
    if (title && heading) {
      title.textContent = heading.textContent;
      heading.hidden = true;
    }
    var body = page.querySelector(".atazan-notfound-body");
    if (body) body.hidden = true;
  }

  ready(function () {
    filters();
    jump();
    searchNote();
    notFound();
  });
})();
