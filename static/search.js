// The search of a static copy of the register (`clarion export --site`):
// reads the query from the address, finds the clarifications in the index
// written beside the page (search/index.js, which sets
// window.clarionSearch) and lists them. No framework, no build step; the
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
  var found = data.items.filter(function (item) {
    if (standard && item.s !== standard) return false;
    if (clause && !withinClause(item.c, clause)) return false;
    if (year && String(item.y) !== year) return false;
    if (status && item.t !== status) return false;
    if (!wanted.length) return true;
    var held = item.w.split(" ");
    // A word typed is the start of a word held: "calibrat" finds both
    // "calibration" and "calibrated".
    return wanted.every(function (word) {
      return held.some(function (h) { return h.lastIndexOf(word, 0) === 0; });
    });
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

  var count = found.length === 1 ? results.dataset.one
    : results.dataset.many.replace("{count}", found.length);
  say(found.length ? count : results.dataset.none).setAttribute("role", "status");
  var list = document.createElement("ol");
  list.className = "result-list";
  found.slice(0, SHOWN).forEach(function (item) {
    var entry = template.content.firstElementChild.cloneNode(true);
    entry.querySelector('[data-field="reference"]').textContent = item.r;
    entry.querySelector('[data-field="clause"]').textContent = item.c;
    link(entry.querySelector('[data-field="standard"]'), data.standards[item.s] || item.s,
      "standards/" + item.s + "/index.html");
    link(entry.querySelector('[data-field="question"]'), item.q,
      "clarifications/" + item.r + "/index.html");
    list.appendChild(entry);
  });
  results.appendChild(list);
  if (found.length > SHOWN) say(results.dataset.more.replace("{shown}", SHOWN));
  results.hidden = false;
})();
