/* Events widget: keep the next N events from today, soonest first. Without this script
   the widget lists every event, which is still correct. */
(function () {
  "use strict";
  var list = document.querySelector("[data-asean-upcoming]");
  if (!list) return;
  var limit = Number(list.getAttribute("data-asean-upcoming")) || 6;
  var today = new Date(); today.setHours(0, 0, 0, 0);
  var items = Array.prototype.slice.call(list.children).map(function (li) {
    var next;
    if (li.hasAttribute("data-date")) {
      var p = li.getAttribute("data-date").split("-").map(Number);
      next = new Date(p[0], (p[1] || 1) - 1, p[2] || 1);
    } else {
      var m = Number(li.getAttribute("data-month")) - 1, d = Number(li.getAttribute("data-day"));
      next = new Date(today.getFullYear(), m, d);
      if (next < today) next = new Date(today.getFullYear() + 1, m, d);
    }
    return { li: li, next: next };
  });
  items.sort(function (a, b) { return a.next - b.next; });
  items.forEach(function (item, i) {
    list.appendChild(item.li);
    item.li.hidden = item.next < today || i >= limit;
  });
  var shown = items.filter(function (x) { return !x.li.hidden; }).slice(0, limit);
  items.forEach(function (x) { x.li.hidden = shown.indexOf(x) < 0; });
})();
