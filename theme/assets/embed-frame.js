/* Inside a widget: tell the host page how tall the widget is, whenever that changes
   (first paint, fonts, filtering, window resize). Only a height is sent, so any host may
   receive it; the host's /embed.js checks that the message comes from this site. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = -1;
  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "asean-embed:height", height: height, href: location.href }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(report);
  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "asean-embed:hello") { last = -1; report(); }
  });
  report();
})();
