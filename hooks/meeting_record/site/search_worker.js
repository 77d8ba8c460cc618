/* The site's search worker: Material's own search worker, loaded with importScripts when the reader
 * first searches, with each query rewritten before Material reads it and each result tidied before
 * the page shows it.
 * The build writes RECORD_SEARCH above this file (hooks/meeting_record/site/search_worker.py).
 *
 * A query is rewritten word by word (words are split as the index splits them):
 * - a word of five letters or more that begins no word of the index is replaced by the words of
 *   the index that it is one slip (a letter added, dropped, changed or two swapped) away from the
 *   beginning of: "Hasegwa" searches for "hasegawa", "satelite" for "satellites";
 * - a word that is a whole name (a person's, a participant's, a glossary term) is searched as a
 *   whole word, without the trailing wildcard Material adds to every word: "Lang" finds "Lang",
 *   not "languages";
 * - a glossary expansion is searched as its term, which is what the site writes: "artificial
 *   intelligence" searches for "AI", "open radio access network" for "Open RAN". Expansions that
 *   are a participant's full name are left out: those are among the participant's names already.
 * - a Japanese word (written without spaces: 「デジタル政府」) is split into the words of the index,
 *   as Material's tokenizer split the pages with its Japanese segmenter (「デジタル」「政府」), the
 *   fewest words that make it up, the last of which may still be being typed. Material splits a
 *   query's kanji at the index's words itself, but never ends a word at the last kanji of a run
 *   (「日本」 would search for 「日」): a kanji the index does not hold, written after each kanji word
 *   of the index, keeps the word whole and is dropped by Material. Slips and expansions are for
 *   words in Latin letters: a Japanese word is searched as the pages write it.
 * A query that uses lunr's own syntax (quotes, +, -, ~, ^, *, a field) is left as it is.
 *
 * In the results of a Japanese query, the pages it names come first: a page whose title is the
 * query, then a page that has it as one of its names (its tags), each in Material's order. Japanese
 * words are not whole words in the index, so a name typed in full cannot be searched as a whole
 * word: 「国連」 is also in the segments of 「アラブ首長国連邦」, 「国際連合」 in 「国際連合教育科学文化機関」.
 *
 * In the results, a page's tags keep only those the page shows: the other names a page is found
 * by stay out of sight, and so do the words that a rewrite replaced.
 *
 * The index is built when the reader first searches, not when the page loads. Every page hands
 * its worker the whole index as it loads, and building it costs the browser about half a second
 * of CPU on a desktop computer (more on a phone) on every page, though most pages are read
 * without a search. So the page's setup is kept, the page is told at once that search is ready
 * (the empty query it then sends gets no results, as Material answers it), and the setup goes to
 * Material's worker with the first query that has words in it. Material's worker is fetched then
 * too, not with the page: a reader who never searches never downloads it. Queries typed while the
 * index is being built wait for it, and each is then answered in turn, as Material's worker
 * answers every query.
 */
(function () {
  "use strict";

  var record = RECORD_SEARCH;
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var SYNTAX = /["+~^*:]|(?:^|\s)-/;
  var LETTERS = /^\p{L}+$/u;
  var SHORTEST_SLIP = 5;  // letters a word needs before a slip in it is forgiven
  var MOST_CORRECTIONS = 4;

  var JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]/u;
  var KANJI = /\p{sc=Han}+/gu;
  var UNKNOWN_CHARACTER = 3;  // what a character the index has no word for costs a split

  var separator = /\s+/;
  var vocabulary = [];        // every word of the index
  var beginnings = new Set(); // every beginning of a word of the index
  var names = new Set();      // words searched as whole words
  var expansions = [];        // [words of the expansion, words of the term], longest first
  var shown = new Set(record.shown_tags);
  var replaced = new Set();   // the words of the last query that a rewrite stands in for
  var japaneseQuery = null;   // the last query, as a name, if it is Japanese
  var texts = [];             // the text of every field of the index, read once Material's segmenter is loaded
  var terms = null;           // every word of the index as Material's tokenizer makes it
  var termBeginnings = null;  // every beginning of those
  var keepWhole = "";         // a kanji the index does not hold (see above)

  function words(text) {
    return String(text).toLowerCase().split(separator).filter(Boolean);
  }

  function plain(html) {
    return String(html).replace(/<[^>]*>/g, " ").replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, function (entity) {
      return {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#x27;": "'"}[entity];
    });
  }

  function learn(index) {
    separator = new RegExp(index.config.separator);
    var known = new Set();
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].concat(doc.tags || []).forEach(function (field) {
        if (field) texts.push(plain(field));
      });
    });
    texts.forEach(function (text) { words(text).forEach(function (word) { known.add(word); }); });
    vocabulary = Array.from(known);
    vocabulary.forEach(function (word) {
      for (var end = 1; end <= word.length; end++) beginnings.add(word.slice(0, end));
    });
    record.names.forEach(function (name) { words(name).forEach(function (word) { names.add(word); }); });
    expansions = record.expansions.filter(function (pair) { return !JAPANESE.test(pair[0]); })
      .map(function (pair) { return [words(pair[0]), words(pair[1])]; })
      .sort(function (a, b) { return b[0].length - a[0].length; });
  }

  /* The words of the index as Material's tokenizer made them: the words between separators, and
     those with Japanese in them split by Material's segmenter (TinySegmenter), which Material
     loads after the index's setup has reached this worker, so they are read at the first query. */
  function indexTerms() {
    if (terms) return terms;
    terms = new Set();
    termBeginnings = new Set();
    var used = new Set();
    var segmenter = self.lunr && self.lunr.TinySegmenter ? new self.lunr.TinySegmenter() : null;
    texts.forEach(function (text) {
      String(text).split(separator).forEach(function (part) {
        if (!part) return;
        var pieces = segmenter && /^[MHIK]$/.test(segmenter.ctype_(part)) ? segmenter.segment(part) : [part];
        pieces.forEach(function (piece) { terms.add(piece.toLowerCase()); });
      });
    });
    terms.forEach(function (term) {
      for (var end = 1; end <= term.length; end++) termBeginnings.add(term.slice(0, end));
      (term.match(KANJI) || []).forEach(function (run) { Array.from(run).forEach(function (c) { used.add(c); }); });
    });
    for (var code = 0x9fa5; code > 0x4e00 && !keepWhole; code--)
      if (!used.has(String.fromCharCode(code))) keepWhole = String.fromCharCode(code);
    return terms;
  }

  /* A Japanese word as the fewest words of the index that make it up, the last of which may be
     the beginning of one; characters the index has no word for are kept together, as typed. */
  function segmentJapanese(word) {
    var known = indexTerms();
    var best = [{cost: 0, pieces: []}];
    for (var end = 1; end <= word.length; end++) {
      for (var start = 0; start < end; start++) {
        if (!best[start]) continue;
        var piece = word.slice(start, end), cost;
        if (known.has(piece)) cost = 1;
        else if (end === word.length && termBeginnings.has(piece)) cost = 1;
        else if (end - start === 1) cost = UNKNOWN_CHARACTER;
        else continue;
        var total = best[start].cost + cost;
        if (!best[end] || total < best[end].cost)
          best[end] = {cost: total, pieces: best[start].pieces.concat([{text: piece, known: cost === 1}])};
      }
    }
    var pieces = [];
    best[word.length].pieces.forEach(function (piece) {
      var last = pieces[pieces.length - 1];
      if (last && !last.known && !piece.known) last.text += piece.text;
      else pieces.push(piece);
    });
    return pieces;
  }

  /* A word of the index as Material should search for it, its kanji kept whole (see above). */
  function whole(term) {
    return term.replace(KANJI, function (run) { return terms.has(run) ? run + keepWhole : run; });
  }

  /* The fewest slips between `word` and the beginning of `other` (a swap of two neighbours is one). */
  function slipsFromBeginning(word, other) {
    var n = word.length, m = Math.min(other.length, n + 1);
    var before = null, previous = [], current;
    for (var j = 0; j <= m; j++) previous.push(j);
    for (var i = 1; i <= n; i++) {
      current = [i];
      for (var k = 1; k <= m; k++) {
        var cost = word[i - 1] === other[k - 1] ? 0 : 1;
        var best = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        if (before && i > 1 && k > 1 && word[i - 1] === other[k - 2] && word[i - 2] === other[k - 1])
          best = Math.min(best, before[k - 2] + 1);
        current.push(best);
      }
      before = previous;
      previous = current;
    }
    return Math.min.apply(null, previous.slice(Math.max(0, n - 1)));
  }

  /* The words of the index a word is one slip away from, if the word begins none. */
  function corrections(word) {
    if (word.length < SHORTEST_SLIP || !LETTERS.test(word) || JAPANESE.test(word) || beginnings.has(word)) return [];
    var found = vocabulary.filter(function (other) {
      return slipsFromBeginning(word, other) <= 1;
    }).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    var kept = [];
    found.forEach(function (other) {
      var covered = kept.some(function (shorter) { return !names.has(shorter) && other.indexOf(shorter) === 0; });
      if (!covered && kept.length < MOST_CORRECTIONS) kept.push(other);
    });
    return kept;
  }

  /* A word as Material should search for it: a whole name gets a boost of 1, which keeps
     Material from adding its trailing wildcard and changes nothing else. */
  function clause(word) {
    if (JAPANESE.test(word)) return segmentJapanese(word).map(function (piece) {
      var term = piece.known && terms.has(piece.text) ? whole(piece.text) : piece.text;
      return names.has(piece.text) ? term + "^1" : term;
    }).join(" ");
    return names.has(word) ? word + "^1" : word;
  }

  function rewrite(query) {
    replaced = new Set();
    japaneseQuery = JAPANESE.test(query) ? name(query) : null;
    if (SYNTAX.test(query)) return query;
    var typed = words(query);
    if (!typed.length) return query;
    var options = typed.map(function (word) {
      var found = corrections(word);
      if (found.length) replaced.add(word);
      return found.length ? found : [word];
    });
    var terms = [];
    for (var start = 0; start < typed.length; start++) {
      var pair = expansionAt(options, start);
      if (pair) {
        pair[0].forEach(function (word) { replaced.add(word); });
        pair[1].forEach(function (word) { terms.push(clause(word)); });
        start += pair[0].length - 1;
      } else {
        options[start].forEach(function (word) { terms.push(clause(word)); });
      }
    }
    return terms.filter(function (term, i) { return terms.indexOf(term) === i; }).join(" ");
  }

  /* The longest expansion whose words the query has from `start` on, as typed or corrected. */
  function expansionAt(options, start) {
    return expansions.find(function (pair) {
      return start + pair[0].length <= options.length && pair[0].every(function (word, k) {
        return options[start + k].indexOf(word) >= 0;
      });
    });
  }

  /* A name as it is compared with the query: without case, separators or highlighting. */
  function name(text) {
    return words(plain(text)).join("");
  }

  /* How a page's group of results answers the Japanese query typed: 0 if the page's title is the
     query, 1 if one of its names is, 2 otherwise. */
  function naming(group) {
    var page = group.find(function (item) { return item.location.indexOf("#") < 0; });
    if (!page) return 2;
    if (name(page.title) === japaneseQuery) return 0;
    return (page.tags || []).some(function (tag) { return name(tag) === japaneseQuery; }) ? 1 : 2;
  }

  function tidy(result) {
    if (japaneseQuery && result.items) {
      var ranked = result.items.map(function (group, order) { return {group: group, rank: naming(group), order: order}; });
      ranked.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
      result.items = ranked.map(function (entry) { return entry.group; });
    }
    (result.items || []).forEach(function (group) {
      group.forEach(function (item) {
        if (item.tags) item.tags = item.tags.filter(function (tag) { return shown.has(plain(tag).trim()); });
        if (item.tags && !item.tags.length) delete item.tags;
        Object.keys(item.terms || {}).forEach(function (term) {
          if (item.terms[term] === false && replaced.has(term)) delete item.terms[term];
        });
      });
    });
  }

  /* From disk, the worker runs in an iframe (the iframe-worker shim), whose relative addresses
     are the page's: Material's worker is found beside this script, wherever that is. The script
     is known only while it runs, so the address is worked out now. */
  var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var MATERIAL_WORKER = new URL(record.material, here).href;

  var setup = null;     // the page's setup, kept until the first query with words in it
  var building = false; // whether Material's worker is building the index
  var built = false;
  var waiting = [];     // the queries typed while the index is being built

  function handOn(message) {
    self.dispatchEvent(new MessageEvent("message", {data: message}));
  }

  function build() {
    var kept = setup;
    building = true;
    setup = null;
    learn(kept.data);
    /* Material's worker listens for messages after this worker, so it sees each query rewritten.
       A worker imports at once; from disk (see above) the import is a promise. */
    Promise.resolve(importScripts(MATERIAL_WORKER)).then(function () { handOn(kept); });
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (!message || built) {
      if (message && message.type === QUERY) message.data = rewrite(message.data);
      return;
    }
    if (message.type === SETUP && !building) {
      event.stopImmediatePropagation();
      setup = message;
      self.postMessage({type: READY});
    } else if (message.type === QUERY) {
      event.stopImmediatePropagation();
      if (!building && !String(message.data).trim()) {
        self.postMessage({type: RESULT, data: {items: []}});
        return;
      }
      waiting.push(message);
      if (!building) build();
    }
  });

  var send = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === READY && building) {
      building = false;
      built = true;
      waiting.splice(0).forEach(handOn);
      return;
    }
    if (message && message.type === RESULT && message.data) tidy(message.data);
    return send.apply(self, arguments);
  };

})();
