/* Filtering and sorting of data tables (a plan's activities, implementation dashboards).
   The tables are complete without this script; with it, the filter form appears, column
   headers marked data-sort become sort buttons, and a live region tells screen-reader
   users how many rows are shown.

   A form data-asean-filter="NAME" filters every table data-asean-table="NAME". Each select
   of the form filters the rows that carry the matching data attribute (rows without it
   are left alone): group, timeline and year match exactly; lead and pillar match one of
   the row's words; status matches one of the row's "year:status" words, in the chosen
   year when a year is chosen. Cells marked data-year (dashboard year columns) are hidden
   unless they are of the chosen year. */
(function () {
  "use strict";
  var EXACT = { group: true, timeline: true, year: true };

  function matches(row, key, value, filters) {
    var attr = row.getAttribute("data-" + key);
    if (!value || attr === null) return true;
    var words = attr.split(" ");
    if (key === "status") {
      return words.some(function (w) {
        var parts = w.split(":");
        return parts[1] === value && (!filters.year || parts[0] === filters.year);
      });
    }
    if (EXACT[key]) return attr === value;
    return words.indexOf(value) >= 0;
  }

  function init(form) {
    var name = form.getAttribute("data-asean-filter");
    var tables = Array.prototype.slice.call(document.querySelectorAll('[data-asean-table="' + name + '"]'));
    var count = document.querySelector('[data-asean-count="' + name + '"]');
    if (!tables.length) return;
    var keys = Array.prototype.map.call(form.querySelectorAll("select"), function (s) { return s.name; });
    var rows = [], counted = [], yearCells = [];
    tables.forEach(function (table) {
      rows = rows.concat(Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-group], tbody tr[data-item], tbody tr[data-year]")));
      counted = counted.concat(Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-group], tbody tr[data-item]")));
      yearCells = yearCells.concat(Array.prototype.slice.call(table.querySelectorAll("th[data-year], td[data-year]")));
    });
    form.hidden = false;

    function apply() {
      var filters = {};
      keys.forEach(function (k) { filters[k] = form.elements[k].value; });
      rows.forEach(function (row) {
        row.hidden = !keys.every(function (k) { return matches(row, k, filters[k], filters); });
      });
      yearCells.forEach(function (cell) {
        cell.hidden = Boolean(filters.year) && cell.getAttribute("data-year") !== filters.year;
      });
      tables.forEach(function (table) {
        Array.prototype.forEach.call(table.tBodies, function (body) {
          if (body.querySelector("tr[data-group], tr[data-item]")) {
            body.hidden = !body.querySelector("tr[data-group]:not([hidden]), tr[data-item]:not([hidden])");
          }
        });
      });
      if (count) {
        var shown = counted.filter(function (row) { return !row.hidden; }).length;
        count.textContent = count.getAttribute("data-template")
          .replace("{shown}", shown).replace("{total}", counted.length);
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    tables.forEach(sortable);
    apply();
  }

  function sortable(table) {
    if (!table.tHead) return;
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
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-asean-filter]"), init);
})();
