/* ASEAN section widgets: include this script once on a page that embeds our widgets.
   It sizes every <iframe> whose address is one of this site's /embed/ pages to the
   height its content reports, and keeps doing so when the content changes. No
   attribute is needed on the iframes. A message is taken only when it comes from this
   site's own origin, from the iframe it sizes, and that iframe's address is on this
   origin with a path that starts with the site's /vi/embed/ or /en/embed/ (another page
   of the same site is not a widget). A frame marked data-asean-fixed keeps the height
   written in its code (the "Embed this" page shows that way live). No third-party code. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__aseanEmbed) return;
  window.__aseanEmbed = true;
  var root = new URL(".", script.src);
  var origin = root.origin;
  var widgets = [root.pathname + "vi/embed/", root.pathname + "en/embed/"];
  /* The tallest widget measured is the national plan's table of 65 activities on a
     320 px wide phone, about 36,000 px. The bound leaves room for longer plans, and a
     faulty or hostile message cannot stretch the portal's page without limit; a widget
     taller than that keeps the bound and scrolls inside its frame. */
  var MAX_HEIGHT = 100000;

  function ours(frame) {
    var url;
    if (frame.hasAttribute("data-asean-fixed")) return false;
    try { url = new URL(frame.src); } catch (e) { return false; }
    if (url.origin !== origin) return false;
    for (var i = 0; i < widgets.length; i++) {
      if (url.pathname.indexOf(widgets[i]) === 0) return true;
    }
    return false;
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "asean-embed:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === event.source && ours(frame)) {
        frame.style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + "px";
        if (!frame.style.width) frame.style.width = "100%";
        frame.setAttribute("scrolling", height > MAX_HEIGHT ? "auto" : "no");
      }
    }
  });

  /* Widgets that loaded before this script ran are asked to report again. A frame still
     loading holds about:blank, of the host's own origin: a message addressed to this site's
     origin would not reach it, and the browser logs that as an error on the host's console.
     So a frame is greeted only once its widget is in it: now when reading its address fails
     (another origin's page, ours, is loaded), else when it fires "load". */
  function loaded(frame) {
    try { return frame.contentWindow.location.href !== "about:blank"; } catch (e) { return true; }
  }
  function greet(frame) {
    frame.contentWindow.postMessage({ type: "asean-embed:hello" }, origin);
  }
  function hello(frame) {
    if (!ours(frame)) return;
    if (frame.contentWindow && loaded(frame)) greet(frame);
    frame.addEventListener("load", function () { greet(frame); });
  }
  Array.prototype.forEach.call(document.getElementsByTagName("iframe"), hello);
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        Array.prototype.forEach.call(r.addedNodes, function (n) {
          if (n.tagName === "IFRAME") hello(n);
          else if (n.querySelectorAll) Array.prototype.forEach.call(n.querySelectorAll("iframe"), hello);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
