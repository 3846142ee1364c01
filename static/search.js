// The search of a static copy of the register (`clarion export --site`):
// reads the query from the address, finds the clarifications in the index
// written beside the page and lists them. search/index.js (which sets
// window.clarionSearch) holds what the filters compare; the words and the
// questions are in smaller files, of which only those the query needs are
// loaded (see src/site/search_index.rs). No framework, no build step; the
// sentences are the page's, in data attributes. Without this script the
// page lists the standards instead.
(function () {
  "use strict";
  var data = window.clarionSearch;
  var form = document.getElementById("search-form");
  var results = document.getElementById("search-results");
  var template = document.getElementById("search-result");
  var script = document.currentScript;
  if (!data || !form || !results || !template || !script) return;
  // The copy's root: this script is in its static/ folder.
  var root = new URL("../", script.src);
  var SHOWN = 100;

  // Runs of letters and digits, lower-cased, as the index holds them.
  function words(text) {
    return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }

  // "7.2" finds 7.2 and 7.2.1, not 7.20.
  function withinClause(clause, wanted) {
    var c = clause.toLowerCase();
    return c === wanted || (c.indexOf(wanted) === 0 && /[.\s()]/.test(c.charAt(wanted.length)));
  }

  var params = new URLSearchParams(window.location.search);
  var q = params.get("q") || "";
  var standard = params.get("standard") || "";
  var clause = (params.get("clause") || "").trim().toLowerCase();
  var year = params.get("year") || "";
  var status = params.get("status") || "";
  form.elements.q.value = q;
  form.elements.standard.value = standard;
  form.hidden = false;

  var wanted = words(q);
  if (!wanted.length && !standard && !clause && !year && !status) return;

  // The name of a file of words, as the export writes it: ASCII letters
  // and digits as they are, any other character as _{hex}_.
  function fileOf(key) {
    return "words/" + Array.from(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }

  // The files that hold the words a word typed may start: that of its
  // first two characters, or of one character, every file starting so.
  function filesOf(word) {
    var key = Array.from(word).slice(0, 2).join("");
    return data.words.filter(function (held) {
      return key.length < 2 ? held.lastIndexOf(key, 0) === 0 : held === key;
    }).map(fileOf);
  }

  // Loads the files not loaded yet, then calls `then`. A file that fails
  // to load counts as empty.
  function load(names, then) {
    var pending = names.filter(function (name, i) {
      return !data.parts[name] && names.indexOf(name) === i;
    });
    var left = pending.length;
    if (!left) return then();
    pending.forEach(function (name) {
      var part = document.createElement("script");
      part.src = new URL("../search/" + name + ".js", script.src).href;
      part.onload = part.onerror = function () {
        if (--left === 0) then();
      };
      document.head.appendChild(part);
    });
  }

  // The positions of the clarifications holding a word that starts with
  // `word`: "calibrat" finds both "calibration" and "calibrated".
  function holding(word) {
    var found = new Set();
    filesOf(word).forEach(function (name) {
      var held = data.parts[name] || {};
      Object.keys(held).forEach(function (h) {
        if (h.lastIndexOf(word, 0) === 0) held[h].forEach(function (i) { found.add(i); });
      });
    });
    return found;
  }

  var needed = [];
  wanted.forEach(function (word) { needed = needed.concat(filesOf(word)); });
  load(needed, function () {
    var sets = wanted.map(holding);
    var found = [];
    data.items.forEach(function (item, i) {
      if (standard && item[1] !== standard) return;
      if (clause && !withinClause(item[2], clause)) return;
      if (year && String(item[3]) !== year) return;
      if (status && item[4] !== status) return;
      if (sets.every(function (set) { return set.has(i); })) found.push(i);
    });
    var shown = found.slice(0, SHOWN);
    load(shown.map(function (i) { return "questions/" + Math.floor(i / data.chunk); }),
      function () { show(found.length, shown); });
  });

  function say(text) {
    var p = document.createElement("p");
    p.className = "meta";
    p.textContent = text;
    results.appendChild(p);
    return p;
  }

  function link(field, text, path) {
    field.textContent = text;
    field.href = new URL(path, root).href;
  }

  function show(total, shown) {
    var count = total === 1 ? results.dataset.one
      : results.dataset.many.replace("{count}", total);
    say(total ? count : results.dataset.none).setAttribute("role", "status");
    var list = document.createElement("ol");
    list.className = "result-list";
    shown.forEach(function (i) {
      var item = data.items[i];
      var questions = data.parts["questions/" + Math.floor(i / data.chunk)] || [];
      var entry = template.content.firstElementChild.cloneNode(true);
      entry.querySelector('[data-field="reference"]').textContent = item[0];
      entry.querySelector('[data-field="clause"]').textContent = item[2];
      link(entry.querySelector('[data-field="standard"]'), data.standards[item[1]] || item[1],
        "standards/" + item[1] + "/index.html");
      link(entry.querySelector('[data-field="question"]'), questions[i % data.chunk] || item[0],
        "clarifications/" + item[0] + "/index.html");
      list.appendChild(entry);
    });
    results.appendChild(list);
    if (total > SHOWN) say(results.dataset.more.replace("{shown}", SHOWN));
    results.hidden = false;
  }
})();
