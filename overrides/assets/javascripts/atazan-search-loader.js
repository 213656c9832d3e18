/* Ata Zan: search in the reader's language, loaded when the reader reaches for it (issue 26).
 * How and why: decisions/search.md. Loaded right before Material's bundle (partials/atazan/
 * search-loader.html; its data-* attributes carry the language, site root, language prefixes and
 * the notes). It changes what the bundle is handed, never the bundle:
 * - Material's index request (XHR search_index.json, or from file:// the script search_index.js)
 *   becomes this language's titles (search_index.<lang>.titles.json; from file:// the whole
 *   search_index.<lang>.js), sent only once search starts;
 * - Material's search worker becomes a stand-in that keeps its messages until search starts, then
 *   runs workers/atazan-search.bundle.js (our stemming + Material's worker + lunr's stemmers);
 * - search starts on focus in the search field (click, tap, the keys / s f), the search toggle,
 *   ?q= (the search page) or ?h= (a page opened from a result, which Material highlights);
 * - a note under the field says while search loads, and while answers come from titles only.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) return;
  var options = script.dataset;
  var lang = options.lang;
  // base_url is "..", "." or, on 404 pages, an absolute path ending in "/".
  var root = options.root || ".";
  var base = new URL(root + (/\/$/.test(root) ? "" : "/") + "search/", location.href);
  var offline = location.protocol === "file:";

  var combined = new URL("search_index.json", base).href;
  var combinedScript = new URL("search_index.js", base).href;
  var own = new URL("search_index." + lang + (offline ? ".js" : ".titles.json"), base).href;

  function ownIndex(url) {
    var href = new URL(String(url), location.href).href;
    if (href === combined || href === combinedScript) return own;
    return null;
  }

  // ---------------------------------------------------------------- starting

  var started = false;
  var waiting = [];

  function whenStarted(fn) {
    if (started) fn();
    else waiting.push(fn);
  }

  function start() {
    if (started) return;
    started = true;
    note("loading");
    var run = waiting;
    waiting = [];
    run.forEach(function (fn) { fn(); });
  }

  var FIELD = "[data-md-component=search-query]";
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(FIELD)) start();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  }, true);
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) start();

  // ---------------------------------------------------------------- the note

  var NOTE = "atazan-search-note";
  var state = null;

  function note(next) {
    state = next;
    var result = document.querySelector("[data-md-component=search-result]");
    if (!result) {
      if (next && next !== "done") document.addEventListener("DOMContentLoaded", function () { note(state); });
      return;
    }
    var element = result.querySelector("." + NOTE);
    if (!next || next === "done") {
      if (element) element.remove();
      return;
    }
    if (!element) {
      element = document.createElement("p");
      element.className = NOTE;
      element.setAttribute("role", "status");
      var meta = result.querySelector(".md-search-result__meta");
      result.insertBefore(element, meta ? meta.nextSibling : result.firstChild);
    }
    element.textContent = options[next] || "";
  }

  // ---------------------------------------------------------------- the index request

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var target = ownIndex(url);
    this.atazanHeld = !!target;
    if (target) args[1] = target;
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.atazanHeld) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  // From file:// Material adds <script src=search/search_index.js>: this language's file, once search starts.
  var setAttribute = HTMLScriptElement.prototype.setAttribute;
  HTMLScriptElement.prototype.setAttribute = function (name, value) {
    var element = this;
    var target = String(name).toLowerCase() === "src" ? ownIndex(value) : null;
    if (!target) return setAttribute.call(element, name, value);
    whenStarted(function () { setAttribute.call(element, name, target); });
  };

  // ---------------------------------------------------------------- the worker

  var Real = window.Worker;
  // A normal build opened from disk has no iframe-worker shim: Material's `new Worker` throws there
  // and Material hides search. Keep it so: a stand-in would show a search that cannot start.
  if (!Real || (offline && !window.IFrameWorker)) return;
  var MATERIAL_WORKER = /^(.*\/workers\/)search\.[\w.]+\.js$/;

  function standIn(url, workerOptions) {
    var match = MATERIAL_WORKER.exec(String(url));
    var events = new EventTarget();
    var queue = [];
    var worker = null;
    events.postMessage = function (message) {
      if (worker) worker.postMessage(message);
      else if (queue) queue.push(message);
    };
    events.terminate = function () {
      if (worker) worker.terminate();
      queue = null;
    };
    whenStarted(function () {
      if (!queue) return;
      var query = "lang=" + encodeURIComponent(lang) + "&prefixes=" + encodeURIComponent(options.prefixes || "") +
        "&search=" + encodeURIComponent(base.href) + (offline ? "" : "&texts=1");
      worker = new Real(match[1] + "atazan-search.bundle.js?" + query, workerOptions);
      worker.addEventListener("message", function (event) {
        var message = event.data;
        var stage = message && message.atazan;
        if (stage) note(stage);
        else if (message && message.type === READY && offline) note("done");
        if (message && message.type !== undefined) {
          events.dispatchEvent(new MessageEvent("message", { data: message }));
          if (typeof events.onmessage === "function") events.onmessage({ data: message });
        }
      });
      worker.addEventListener("error", function (event) {
        note("failed");
        events.dispatchEvent(new ErrorEvent("error", { message: event.message, error: event.error }));
      });
      queue.forEach(function (message) { worker.postMessage(message); });
      queue = [];
    });
    return events;
  }

  // Material's worker messages: SETUP 0, READY 1, QUERY 2, RESULT 3.
  var READY = 1;

  window.Worker = function (url, workerOptions) {
    if (!MATERIAL_WORKER.test(String(url))) return new Real(url, workerOptions);
    return standIn(url, workerOptions);
  };
  window.Worker.prototype = Real.prototype;
})();
