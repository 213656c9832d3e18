/* Ata Zan search worker: a thin wrapper around Material's own search worker.
 *
 * Why: mkdocs-static-i18n writes one search index for kk, ru and en, and Material appends `*`
 * to every query term, which lunr never stems. This wrapper changes only the messages Material's
 * worker receives and adds a stage to what it posts:
 *   SETUP: keep only the documents of the reader's language (by URL prefix). Over HTTP SETUP
 *          holds the titles only (search_index.<lang>.titles.json): Material answers from them at
 *          once while this fetches the texts (search_index.<lang>.texts.json), then hands Material
 *          the whole index and answers the last query again;
 *   QUERY: replace each word by its stem, so Material's trailing `*` turns it into a prefix
 *          that matches every inflected form in the (unstemmed) index;
 *   READY and RESULT go out with `atazan: "partial" | "done" | "failed"`, which the page's
 *          loader (assets/javascripts/atazan-search-loader.js) shows as a note; `{atazan}` alone
 *          says the whole index is in.
 * Everything else (ranking, highlighting, the UI) stays Material's.
 *
 * It runs as the first part of atazan-search.bundle.js (hooks/atazan/website/exports/search_index.py
 * writes it: this file, Material's worker, lunr's stemmers), as a real Web Worker or inside the
 * iframe-worker shim of the offline copy, where importScripts is asynchronous and the script's own
 * URL is the one in document.currentScript. Parameters come from that URL (set by the loader):
 *   lang=<reader's language>  prefixes=kk:,ru:ru/,en:en/ (language -> URL prefix of its pages)
 *   search=<URL of the site's search/ folder>  texts=1 (SETUP holds titles; fetch the texts)
 * Loaded in a normal page (tests), it only defines self.AtazanSearch.
 */
(function () {
  "use strict";

  // Kazakh endings, longest first within each group; stripped from the end of a word.
  var KK_CASE = [
    "ның", "нің", "дың", "дің", "тың", "тің",
    "нан", "нен", "дан", "ден", "тан", "тен",
    "ға", "ге", "қа", "ке", "на", "не",
    "да", "де", "та", "те", "нда", "нде",
    "ны", "ні", "ды", "ді", "ты", "ті", "н",
    "мен", "бен", "пен",
    "ша", "ше",
  ];
  var KK_POSSESSIVE = [
    "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз",
    "ым", "ім", "ың", "ің", "сы", "сі", "м", "ң", "ы", "і",
  ];
  var KK_PLURAL = ["лар", "лер", "дар", "дер", "тар", "тер"];
  // Kazakh voices a final к/қ/п before a vowel (кітап, кітабы): drop either form.
  var KK_ALTERNATING = /[кқпгғб]$/;
  var KK_MIN = 2;

  function stripOne(word, endings) {
    for (var i = 0; i < endings.length; i++) {
      var e = endings[i];
      if (word.length - e.length >= KK_MIN && word.slice(-e.length) === e) {
        return word.slice(0, -e.length);
      }
    }
    return word;
  }

  function byLength(list) {
    return list.slice().sort(function (a, b) { return b.length - a.length; });
  }
  KK_CASE = byLength(KK_CASE);
  KK_POSSESSIVE = byLength(KK_POSSESSIVE);

  // Kazakh words end in case <- possessive <- plural <- stem: peel them in that order.
  function stemKk(word) {
    var stem = stripOne(stripOne(stripOne(word, KK_CASE), KK_POSSESSIVE), KK_PLURAL);
    if (stem.length > 3 && KK_ALTERNATING.test(stem)) stem = stem.slice(0, -1);
    return stem;
  }

  // Snowball (ru) and Porter (en) are what lunr ships; they may rewrite the end of a word
  // (Porter: happy -> happi), so only the part they share with the word is a safe prefix.
  function commonPrefix(a, b) {
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  }

  function lunrStem(fn, word, min) {
    if (!fn || typeof lunr === "undefined") return word;
    var stem = commonPrefix(String(fn(new lunr.Token(word, {}))), word);
    return stem.length >= min ? stem : word;
  }

  var CYRILLIC = /[\u0400-\u04ff]/;

  function stemWord(word, lang) {
    word = word.toLowerCase().replace(/ё/g, "е");
    if (!CYRILLIC.test(word)) {
      // Porter ends stems in i for y or ies (property, properties -> properti): drop it.
      return lunrStem(typeof lunr !== "undefined" && lunr.stemmer, word, 3).replace(/(.{3})i$/, "$1");
    }
    if (lang === "kk") return stemKk(word);
    return lunrStem(typeof lunr !== "undefined" && lunr.ru && lunr.ru.stemmer, word, 3);
  }

  // A term Material leaves without its trailing * (+word, -word, field:word, word~1, word^2, word*):
  // stemming it would make an exact term that matches nothing.
  var SYNTAX = /^[+\-]|[:*~^]/;
  var LETTERS = /[\p{L}\p{N}]+/gu;
  var ARTICLE_NUMBER = /^[0-9]{1,3}$/;
  var NUMBER_BOOST = 100;
  var PUNCTUATION = /[^\p{L}\p{N}\-'’\s]+/gu;

  // Stems every plain word of the query and drops the punctuation around it («заң» -> заң), as the
  // index side drops it (lunr's trimmer). Quoted phrases and lunr syntax stay as typed.
  function normaliseQuery(query, lang) {
    return String(query).split(/("[^"]*")/).map(function (part, i) {
      if (i % 2) return part;
      return part.split(/(\s+)/).map(function (term) {
        if (!term.trim() || SYNTAX.test(term)) return term;
        // An article number ("6"): Material's 6* ranks Articles 60-69 above Article 6, whose title
        // holds the rarer exact token; an exact title clause puts "Статья 6" / "6-бап" first.
        if (ARTICLE_NUMBER.test(term)) return "title:" + term + "^" + NUMBER_BOOST + " " + term;
        // English possessive: people's -> people (the index keeps people's, which people* matches).
        return term.replace(/['’]s(?![\p{L}\p{N}])/gu, "")
          .replace(LETTERS, function (word) { return stemWord(word, lang); })
          .replace(PUNCTUATION, " ").trim();
      }).join("");
    }).join("");
  }

  // Material ORs the words of a query, and a stem is a prefix (прав* also finds правосудие): a page
  // that repeats one word, or a word sharing the stem, outranks the page about all the words
  // (меншік құқығы ranked digital rights first). So, when some page of the language holds every
  // word, each stem becomes required (+stem*), and the words exactly as typed are added as optional
  // clauses with a boost (право^5), so the page with the reader's own words comes first. When no
  // page holds them all, the query stays an OR query: a reader still gets the closest pages.
  var EXACT_BOOST = 5;

  function plainTerms(normalised) {
    return normalised.split(/\s+/).filter(function (term) {
      return term && !SYNTAX.test(term) && term.indexOf('"') < 0;
    });
  }

  function holdsAll(text, stems) {
    return stems.every(function (stem) {
      return new RegExp("(^|[^\\p{L}\\p{N}])" + stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u").test(text);
    });
  }

  // The index drops stop words (lunr's en and ru filters): a required "+the*" would match nothing.
  function isStopWord(word) {
    if (typeof lunr === "undefined") return false;
    var filters = [lunr.stopWordFilter, lunr.ru && lunr.ru.stopWordFilter];
    return filters.some(function (filter) {
      return typeof filter === "function" && filter(new lunr.Token(word, {})) === undefined;
    });
  }

  function requireAll(query, lang, texts) {
    var normalised = normaliseQuery(query, lang);
    if (/["+\-:~^*]/.test(query)) return normalised;  // the reader's own syntax wins
    var typedWords = String(query).toLowerCase().replace(/ё/g, "е").match(LETTERS) || [];
    if (typedWords.some(isStopWord)) {
      typedWords = typedWords.filter(function (word) { return !isStopWord(word); });
      normalised = normaliseQuery(typedWords.join(" "), lang);
    }
    var stems = plainTerms(normalised);
    if (stems.length < 2 || !texts || !texts.some(function (text) { return holdsAll(text, stems); })) {
      return normalised;
    }
    var exact = typedWords.filter(function (word) { return stems.indexOf(word) < 0; })
      .map(function (word) { return word + "^" + EXACT_BOOST; });
    // Clauses normaliseQuery added itself (an article number's title:6^100) keep their boost.
    var added = normalised.split(/\s+/).filter(function (term) { return term && SYNTAX.test(term); });
    return stems.map(function (stem) { return "+" + stem + "*"; }).concat(exact, added).join(" ");
  }

  function searchText(doc) {
    return ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ").toLowerCase().replace(/ё/g, "е");
  }

  function languageOf(location, prefixes) {
    var best = null;
    var bestLength = -1;
    for (var lang in prefixes) {
      var p = prefixes[lang];
      if (location.indexOf(p) === 0 && p.length > bestLength) {
        best = lang;
        bestLength = p.length;
      }
    }
    return best;
  }

  function parseParams(url) {
    var params = {};
    var query = url.split("?").slice(1).join("&");
    query.split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (eq > 0) params[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
    });
    var prefixes = {};
    (params.prefixes || "").split(",").forEach(function (item) {
      var colon = item.indexOf(":");
      if (colon > 0) prefixes[item.slice(0, colon)] = item.slice(colon + 1);
    });
    params.prefixes = prefixes;
    return params;
  }

  var api = {
    stemKk: stemKk,
    stemWord: stemWord,
    normaliseQuery: normaliseQuery,
    requireAll: requireAll,
    searchText: searchText,
    languageOf: languageOf,
    parseParams: parseParams,
  };
  self.AtazanSearch = api;

  if (typeof importScripts !== "function") return;

  // Material's worker enum: SETUP 0, READY 1, QUERY 2, RESULT 3.
  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  var script = typeof document !== "undefined" && document.currentScript;
  var ownUrl = script ? script.src : self.location.href;
  var params = parseParams(ownUrl);

  // The bundle holds lunr's stemmers after Material's worker; Material still asks for them at SETUP.
  var bundled = self.atazanBundled || [];
  var importOriginal = self.importScripts;
  self.importScripts = function () {
    var urls = Array.prototype.filter.call(arguments, function (url) {
      return bundled.indexOf(String(url).split(/[?#]/)[0].split("/").pop()) < 0;
    });
    if (urls.length) return importOriginal.apply(self, urls);
  };

  var texts = null;  // this language's documents, lowercased, for requireAll
  var stage = "done";  // "partial" while the answers come from titles only; "failed" if the rest never came
  var lastQuery = null;
  var listener = null;  // Material's message handler
  var rebuilding = false;  // our own SETUP with the whole index is under way: its READY is ours

  var post = self.postMessage;
  function send(message) {
    return post.call(self, message);
  }

  function ownDocs(docs) {
    return docs.filter(function (doc) {
      return languageOf(doc.location, params.prefixes) === params.lang;
    });
  }

  function setup(data, docs) {
    texts = docs.map(searchText);
    return { type: SETUP, data: Object.assign({}, data, { docs: docs }) };
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  // The rest of the index (hooks/atazan/website/exports/search_index.py, split): the texts of the documents
  // SETUP had only the titles of, in the same order, then the other documents whole; the language's
  // whole index if they do not match.
  function loadTexts(data, docs) {
    var parts = data.config.atazan;
    var folder = params.search || new URL("../../../search/", ownUrl.split("?")[0]).href;
    return fetchJson(new URL(parts.texts, folder).href).then(function (shard) {
      if (shard.key !== parts.key || !Array.isArray(shard.docs) || shard.docs.length < docs.length) {
        throw new Error("texts do not match the titles");
      }
      return docs.map(function (doc, i) { return Object.assign({}, doc, { text: String(shard.docs[i].text) }); })
        .concat(ownDocs(shard.docs.slice(docs.length)));
    }).catch(function () {
      return fetchJson(new URL(parts.full, folder).href).then(function (index) { return ownDocs(index.docs); });
    });
  }

  function rewrite(message) {
    if (!message || !params.lang) return message;
    if (message.type === SETUP && message.data && message.data.docs) {
      var data = message.data;
      var docs = ownDocs(data.docs);
      var staged = params.texts && data.config && data.config.atazan && data.config.atazan.texts;
      if (!staged) return setup(data, docs);
      // Titles first: the reader's first query is answered while the texts load.
      stage = "partial";
      var titles = docs.map(function (doc) { return Object.assign({ text: "" }, doc); });
      loadTexts(data, docs).then(function (whole) {
        rebuilding = true;
        // Material's second index registers lunr's multi-language pipeline again, which lunr warns about.
        var warn = lunr.utils.warn;
        lunr.utils.warn = function (text) {
          if (String(text).indexOf("Overwriting existing registered function") !== 0) return warn.apply(this, arguments);
        };
        listener({ data: setup(data, whole) });
      }, function () {
        stage = "failed";
        send({ atazan: stage });
      });
      return setup(data, titles);
    }
    if (message.type === QUERY && typeof message.data === "string") {
      lastQuery = message.data;
      return { type: message.type, data: requireAll(message.data, params.lang, texts) };
    }
    return message;
  }

  // What Material's worker posts, with the stage added for the page (atazan-search-loader.js shows it).
  self.postMessage = function (message) {
    if (message && message.type === READY && rebuilding) {
      rebuilding = false;
      stage = "done";
      if (lastQuery === null) return send({ atazan: stage });
      return listener({ data: { type: QUERY, data: requireAll(lastQuery, params.lang, texts) } });
    }
    if (message && (message.type === READY || message.type === RESULT)) {
      message = Object.assign({}, message, { atazan: stage });
    }
    return send(message);
  };

  // Material registers its handler with addEventListener("message", …) and reads only ev.data.
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return addEventListener(type, handler, options);
    listener = handler;
    return addEventListener(type, function (event) {
      return handler({ data: rewrite(event.data) });
    }, options);
  };
})();
