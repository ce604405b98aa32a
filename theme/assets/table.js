/* Filtering and sorting of the activity table. The table is complete without this
   script; with it, the filter form appears, column headers become sort buttons, and a
   live region tells screen-reader users how many rows are shown. */
(function () {
  "use strict";
  function init(form) {
    var name = form.getAttribute("data-asean-filter");
    var table = document.querySelector('[data-asean-table="' + name + '"]');
    var count = document.querySelector('[data-asean-count="' + name + '"]');
    if (!table) return;
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-group]"));
    form.hidden = false;

    function matches(row, key, value) {
      if (!value) return true;
      if (key === "group" || key === "timeline") return row.getAttribute("data-" + key) === value;
      return (" " + row.getAttribute("data-" + key) + " ").indexOf(" " + value + " ") >= 0;
    }
    function apply() {
      var filters = {};
      ["group", "lead", "pillar", "timeline"].forEach(function (k) { filters[k] = form.elements[k].value; });
      var shown = 0;
      rows.forEach(function (row) {
        var ok = Object.keys(filters).every(function (k) { return matches(row, k, filters[k]); });
        row.hidden = !ok;
        if (ok) shown++;
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        body.hidden = !body.querySelector("tr[data-group]:not([hidden])");
      });
      if (count) {
        count.textContent = count.getAttribute("data-template")
          .replace("{shown}", shown).replace("{total}", rows.length);
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });

    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, col) {
      if (!th.hasAttribute("data-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var numeric = th.getAttribute("data-sort") === "id";
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var list = Array.prototype.slice.call(body.querySelectorAll("tr[data-group]"));
          list.sort(function (a, b) {
            var x = a.cells[col], y = b.cells[col], r;
            if (numeric) r = Number(x.getAttribute("data-value")) - Number(y.getAttribute("data-value"));
            else r = x.textContent.trim().localeCompare(y.textContent.trim(), document.documentElement.lang);
            return dir === "ascending" ? r : -r;
          });
          list.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-asean-filter]"), init);
})();
