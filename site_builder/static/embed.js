/* ASEAN section widgets: include this script once on a page that embeds our widgets.
   It sizes every <iframe> whose address is one of this site's /embed/ pages to the
   height its content reports, and keeps doing so when the content changes. No
   attribute is needed on the iframes. Messages are accepted only from this site's own
   origin, and only for the iframe that sent them. No third-party code. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__aseanEmbed) return;
  window.__aseanEmbed = true;
  var root = new URL(".", script.src);
  var origin = root.origin;

  function ours(frame) {
    var src = frame.src || "";
    return src.indexOf(root.href) === 0 && /\/(vi|en)\/embed\//.test(src.slice(root.href.length - 1));
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "asean-embed:height" || typeof data.height !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === event.source && ours(frame)) {
        frame.style.height = Math.max(0, Math.ceil(data.height)) + "px";
        if (!frame.style.width) frame.style.width = "100%";
        frame.setAttribute("scrolling", "no");
      }
    }
  });

  /* Widgets that loaded before this script ran are asked to report again. */
  function hello(frame) {
    if (!ours(frame)) return;
    try { frame.contentWindow.postMessage({ type: "asean-embed:hello" }, origin); } catch (e) { /* not ready */ }
    frame.addEventListener("load", function () {
      frame.contentWindow.postMessage({ type: "asean-embed:hello" }, origin);
    });
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
