/* Events widget: keep the next N events from today, soonest first. Without this script
   the widget lists every event, which is still correct. Past events are left out before
   counting, so that old dated events never push the recurring ones out of the list; when
   nothing is ahead, the widget says so instead of showing an empty box. */
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
  var shown = 0;
  items.forEach(function (item) {
    list.appendChild(item.li);
    var ahead = item.next >= today && shown < limit;
    if (ahead) shown++;
    item.li.hidden = !ahead;
  });
  var none = document.querySelector("[data-asean-none]");
  if (none) none.hidden = shown > 0;
})();
