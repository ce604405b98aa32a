/* Search page: Pagefind's JavaScript API with Vietnamese folding.
   Pagefind matches words without tone marks ("hoi nghi" finds "hội nghị"), and the build
   files every word with "đ" under "d" as well (site_builder/searchindex.py), so the query
   only needs its "đ" read as "d" too: one search finds "đường" typed "duong", "dường" or
   "đường". Results are shown PAGE at a time: each shown result downloads its fragment, so
   a first search stays small; "Show more results" loads the next ones. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.asean-search");
  var input = document.getElementById("asean-search-q");
  var status = document.getElementById("asean-search-status");
  var list = document.getElementById("asean-search-results");
  var more = document.getElementById("asean-search-more");
  var pagefind = null;
  var pending = [];
  var generation = 0;
  var PAGE = 10;
  /* A page whose title matches ranks first: the boost Pagefind gives a matching title (5 by
     default) is given to the "headline" every page but an activity sets to its title
     (site_builder/view.py, search_attributes): an activity's title is the text of one row of
     a plan, and a row must not outrank an article or a page titled with the words. */
  var RANKING = { metaWeights: { title: 0, headline: 5 } };

  function load() {
    if (!pagefind) {
      pagefind = import(script.getAttribute("data-pagefind")).then(function (pf) {
        return pf.options({ excerptLength: 30, ranking: RANKING }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  /* The query as the index files its words: "đ" is "d" (Pagefind takes off the marks). */
  function folded(query) {
    return query.replace(/[đĐ]/g, "d");
  }

  function excerptNodes(html) {
    /* Keep only text and <mark>: the excerpt is parsed, never inserted as HTML. */
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var frag = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 3) frag.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = node.textContent;
        frag.appendChild(m);
      } else frag.appendChild(document.createTextNode(node.textContent || ""));
    });
    return frag;
  }

  function say(kind, q, n) {
    status.textContent = status.getAttribute("data-" + kind).replace("{q}", q).replace("{n}", n);
  }

  /* The next PAGE results: their fragments are fetched only now. */
  function showMore() {
    var mine = generation;
    var batch = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    more.hidden = true;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      var first = null;
      if (mine !== generation) return null;  /* a newer search has started */
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = (item.meta && item.meta.title) || item.url;
        var p = document.createElement("p");
        p.className = "asean-results__excerpt";
        p.appendChild(excerptNodes(item.excerpt));
        li.appendChild(a);
        if (item.meta && item.meta.context) {
          /* What the page is and whose: "Hoạt động II.1 · Kế hoạch … của Ban Chỉ đạo …". */
          var where = document.createElement("p");
          where.className = "asean-results__context";
          where.textContent = item.meta.context;
          li.appendChild(where);
        }
        li.appendChild(p);
        list.appendChild(li);
        first = first || a;
      });
      more.hidden = pending.length === 0;
      return first;
    });
  }

  function run(q) {
    q = q.trim();
    generation += 1;
    pending = [];
    more.hidden = true;
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    say("loading", q, 0);
    load().then(function (pf) {
      return pf.search(folded(q));
    }).then(function (search) {
      var results = search.results;
      if (!results.length) { say("none", q, 0); return; }
      say("some", q, results.length);
      pending = results;
      return showMore();
    }).catch(function (err) {
      status.textContent = String(err);
    });
  }

  var params = new URLSearchParams(location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  more.addEventListener("click", function () {
    /* Keyboard users continue from the first new result rather than the page top. */
    showMore().then(function (first) { if (first) first.focus(); });
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  });
  if (initial) run(initial);
})();
