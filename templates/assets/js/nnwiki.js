// nnwiki's page script: theme toggle, collapsible sidebar, math, code highlighting, search, and the
// run times of the last build. Everything it loads ships inside the site (vendor/), so it works
// offline and from file://. Each feature is independent: one that cannot start leaves the others be.
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var pageUrl = body.getAttribute("data-page") || "";

  function safely(name, f) {
    try { f(); } catch (e) { if (window.console) console.warn("nnwiki: " + name + " is unavailable: " + e); }
  }

  // ---- Light and dark --------------------------------------------------------------------------
  function effectiveTheme() {
    var chosen = document.documentElement.dataset.theme;
    if (chosen === "light" || chosen === "dark") return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function showTheme() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    var dark = effectiveTheme() === "dark";
    button.setAttribute("aria-pressed", String(dark));
    button.querySelector(".theme-label").textContent = dark ? "Light" : "Dark";
    button.title = dark ? "Switch to the light theme" : "Switch to the dark theme";
  }
  function setUpTheme() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    button.addEventListener("click", function () {
      var next = effectiveTheme() === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem("nnwiki-theme", next); } catch (e) { /* private mode: not remembered */ }
      showTheme();
    });
    if (window.matchMedia) {
      var query = window.matchMedia("(prefers-color-scheme: dark)");
      if (query.addEventListener) query.addEventListener("change", showTheme);
    }
    showTheme();
  }

  // ---- Sidebar on narrow screens ---------------------------------------------------------------
  function setUpSidebar() {
    var button = document.querySelector(".nav-toggle");
    if (!button) return;
    function set(open) {
      body.classList.toggle("nav-open", open);
      button.setAttribute("aria-expanded", String(open));
    }
    button.addEventListener("click", function () { set(!body.classList.contains("nav-open")); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && body.classList.contains("nav-open")) { set(false); button.focus(); }
    });
  }

  // ---- Math and code ---------------------------------------------------------------------------
  function renderMath() {
    if (!window.katex) return;
    document.querySelectorAll("span.math").forEach(function (el) {
      var tex = el.textContent;
      window.katex.render(tex, el, { displayMode: el.classList.contains("math-display"), throwOnError: false });
      el.setAttribute("data-tex", tex);
    });
    // KaTeX's fonts change the widths when they arrive: measure again then, and on every resize.
    markWideFormulas();
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(markWideFormulas);
    window.addEventListener("load", markWideFormulas);
    window.addEventListener("resize", markWideFormulas);
  }
  // A displayed formula wider than the column scrolls: say so (the stylesheet shades the side that
  // hides more), and let the keyboard scroll it too.
  function markWideFormulas() {
    document.querySelectorAll("span.math-display").forEach(function (el) {
      var wide = el.scrollWidth > el.clientWidth + 1;
      el.classList.toggle("math-scrolls", wide);
      if (wide) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("title", "wider than the column: scroll sideways to see all of it");
      } else {
        el.removeAttribute("tabindex");
        el.removeAttribute("title");
      }
    });
  }
  function highlightCode() {
    if (!window.hljs) return;
    document.querySelectorAll("pre code[class*='language-']").forEach(function (el) {
      var m = /language-([\w+-]+)/.exec(el.className);
      if (m && window.hljs.getLanguage(m[1])) window.hljs.highlightElement(el);
    });
  }

  // ---- Search ----------------------------------------------------------------------------------
  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function terms(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (t) { return t.length > 0; });
  }
  // A short passage of the section around the first word of the query it contains, words marked.
  function snippet(doc, words) {
    var text = doc.x || doc.c || "";
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = lower.indexOf(words[i]);
    var start = Math.max(0, at < 0 ? 0 : at - 60);
    var piece = text.slice(start, start + 180);
    var html = (start > 0 ? "…" : "") + escapeHtml(piece) + (start + 180 < text.length ? "…" : "");
    words.forEach(function (w) {
      if (w.length < 2) return;
      html = html.replace(new RegExp("(" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gi"), "<mark>$1</mark>");
    });
    return html;
  }
  function setUpSearch() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    var index = null;
    var docs = null;
    var active = -1;

    function build() {
      if (index || !window.lunr || !window.NNWIKI_SEARCH) return;
      docs = window.NNWIKI_SEARCH;
      window.lunr.tokenizer.separator = /[\s\-.()[\]{};,=<>"'/:+*]+/;
      index = window.lunr(function () {
        this.ref("i");
        this.field("t", { boost: 8 });
        this.field("h", { boost: 4 });
        this.field("x");
        this.field("c");
        var builder = this;
        docs.forEach(function (d, i) { builder.add({ i: String(i), t: d.t, h: d.h, x: d.x, c: d.c }); });
      });
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      active = -1;
    }
    function highlight(i) {
      var items = list.querySelectorAll("li");
      items.forEach(function (li, j) { li.classList.toggle("active", j === i); li.setAttribute("aria-selected", String(j === i)); });
      active = i;
      if (items[i]) items[i].scrollIntoView({ block: "nearest" });
    }
    function search() {
      build();
      var query = input.value.trim();
      list.innerHTML = "";
      if (!index || query.length === 0) { close(); return; }
      var words = terms(query);
      var results = [];
      try {
        // Every word but the last must match; the last may also be the start of a longer word (search as you type).
        var Q = window.lunr.Query;
        results = index.query(function (q) {
          words.forEach(function (w, i) {
            if (i < words.length - 1) {
              q.term(w, { presence: Q.presence.REQUIRED });
            } else {
              q.term(w, { boost: 2 });
              q.term(w, { wildcard: Q.wildcard.TRAILING, usePipeline: false });
            }
          });
        });
      } catch (e) { results = []; }
      if (results.length === 0) {
        list.innerHTML = '<li class="search-empty">No page matches “' + escapeHtml(query) + '”.</li>';
      }
      results.slice(0, 12).forEach(function (r) {
        var d = docs[Number(r.ref)];
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.innerHTML = '<a href="' + escapeHtml(root + d.u) + '"><span class="search-title">' + escapeHtml(d.t)
          + (d.h && d.h !== d.t ? ' <span class="search-heading">› ' + escapeHtml(d.h) + "</span>" : "")
          + '</span><span class="search-snippet">' + snippet(d, words) + "</span></a>";
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }
    input.addEventListener("focus", build);
    input.addEventListener("input", search);
    input.addEventListener("keydown", function (e) {
      var items = list.querySelectorAll("li a");
      if (e.key === "ArrowDown" && items.length) { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp" && items.length) { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && items.length) { e.preventDefault(); window.location.href = items[Math.max(active, 0)].href; }
      else if (e.key === "Escape") { close(); input.blur(); }
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); input.select(); }
    });
    document.addEventListener("click", function (e) { if (!e.target.closest || !e.target.closest(".search")) close(); });
  }

  // ---- Run times of the last build (data/timings.js) -------------------------------------------
  function seconds(ms) { return ms < 1000 ? ms + " ms" : (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + " s"; }
  function megabytes(bytes) { return bytes > 0 ? Math.round(bytes / 1048576) + " MB" : "–"; }
  function showRunTimes() {
    var data = window.NNWIKI_TIMINGS;
    if (!data) return;
    var page = data.pages.filter(function (p) { return p.url === pageUrl; })[0];
    if (!page) return;
    page.blocks.forEach(function (b) {
      var cell = document.getElementById("cell-" + b.cell);
      // Inline values are words of a sentence: their run time is in the execution report only.
      if (!cell || cell.classList.contains("inline-value")) return;
      var badge = document.createElement("p");
      badge.className = "run-time";
      badge.textContent = "ran in " + seconds(b.millis) + " · peak heap " + megabytes(b.peakHeapBytes) + (page.cached ? " · from the cache" : "");
      cell.appendChild(badge);
    });
    var summary = document.querySelector(".run-summary");
    if (summary) {
      summary.textContent = "The examples on this page ran in " + seconds(page.millis) + " in the last build"
        + (page.cached ? " (results from the cache)." : ".");
      summary.hidden = false;
    }
  }
  function provenance(p) {
    if (!p) return "not run";
    return p.jdk + ", " + p.os + ", " + (p.vectorBits ? p.vectorBits + "-bit vectors" : "no Vector API") + ", " + p.threads
      + " threads, commit " + p.commit + ", " + p.computedAt.replace("T", " ").replace(/\.\d+Z$/, "Z");
  }
  function drawReport() {
    var holder = document.getElementById("exec-report");
    var data = window.NNWIKI_TIMINGS;
    if (!holder || !data) return;
    var total = 0, blocks = 0, failed = 0;
    data.pages.forEach(function (p) { total += p.millis; blocks += p.blocks.length; p.blocks.forEach(function (b) { if (!b.passed) failed++; }); });
    var html = "<p class=\"report-total\">" + data.pages.length + " pages, " + blocks + " examples, " + seconds(total)
      + " of example time in all" + (failed ? ", <strong>" + failed + " failed</strong>" : ", all passed") + ".</p>";
    html += "<table class=\"report\"><thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Examples</th><th scope=\"col\">Run time</th>"
      + "<th scope=\"col\">Peak heap</th><th scope=\"col\">Cache</th><th scope=\"col\">Status</th></tr></thead><tbody>";
    data.pages.forEach(function (p) {
      var bad = p.blocks.filter(function (b) { return !b.passed; }).length;
      html += "<tr><td><a href=\"" + escapeHtml(root + p.url) + "\">" + escapeHtml(p.title) + "</a><br><small>" + escapeHtml(p.source) + "</small></td>"
        + "<td>" + p.blocks.length + "</td><td class=\"num\">" + seconds(p.millis) + "</td><td class=\"num\">" + megabytes(p.peakHeapBytes)
        + "</td><td>" + (p.cached ? "cached" : "ran") + "</td><td>" + (bad ? bad + " failed" : "passed") + "</td></tr>";
      html += "<tr class=\"report-blocks\"><td colspan=\"6\"><details><summary>Examples of " + escapeHtml(p.title) + "</summary>"
        + "<p class=\"report-provenance\">Computed on " + escapeHtml(provenance(p.provenance)) + (p.cached ? " (served from the cache)" : "") + "</p><ul>";
      p.blocks.forEach(function (b) {
        html += "<li><a href=\"" + escapeHtml(root + p.url) + "#cell-" + b.cell + "\">line " + b.line + "</a>: " + seconds(b.millis)
          + ", peak heap " + megabytes(b.peakHeapBytes) + (b.passed ? "" : " — <strong>" + escapeHtml(b.problem) + "</strong>") + "</li>";
      });
      html += "</ul></details></td></tr>";
    });
    holder.innerHTML = html + "</tbody></table>";
  }

  /** Marks the table-of-contents entry of the section being read. */
  function markCurrentSection() {
    var links = Array.prototype.slice.call(document.querySelectorAll("#toc a"));
    if (links.length === 0) return;
    var headings = links.map(function (a) { return document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))); });
    function update() {
      var current = 0;
      headings.forEach(function (h, i) { if (h && h.getBoundingClientRect().top < 120) current = i; });
      links.forEach(function (a, i) {
        a.classList.toggle("toc-current", i === current);
        if (i === current) a.setAttribute("aria-current", "location"); else a.removeAttribute("aria-current");
      });
    }
    window.addEventListener("scroll", update, { passive: true });
    update();
  }

  function start() {
    safely("the theme toggle", setUpTheme);
    safely("the sidebar toggle", setUpSidebar);
    safely("math", renderMath);
    safely("highlighting", highlightCode);
    safely("search", setUpSearch);
    safely("run times", showRunTimes);
    safely("the execution report", drawReport);
    safely("the table of contents", markCurrentSection);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
