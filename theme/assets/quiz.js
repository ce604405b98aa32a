/* Quizzes: check each answer, say right or wrong in words (never colour alone), show the
   explanation, count the score, and keep progress in this browser only (localStorage).
   Without this script every answer is still readable in its "Show the answer" box. */
(function () {
  "use strict";
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  function store(key) {
    try { return JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { return {}; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }

  function keyOf(form) {
    return "asean-quiz:" + document.documentElement.lang + ":" + form.getAttribute("data-quiz");
  }
  /* A widget carries only a few questions, so that it loads fast (the whole bank would
     more than double its weight). The bank is fetched from the quiz page named in
     data-bank only when needed: after "Try again", or when this browser was shown
     questions the page does not carry. Without it, the questions in the page are used. */
  function withBank(form, done) {
    var bank = form.getAttribute("data-bank");
    var state = store(keyOf(form));
    var missing = (state.chosen || []).some(function (id) { return !document.getElementById(id); });
    if (!bank || !window.fetch || !(missing || state.fresh)) { done(); return; }
    fetch(bank, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var end = form.querySelector(".asean-quiz__end");
      Array.prototype.forEach.call(doc.querySelectorAll("fieldset.asean-question"), function (f) {
        if (!document.getElementById(f.id)) form.insertBefore(document.importNode(f, true), end);
      });
      done();
    }).catch(function () { done(); });
  }

  function init(form) {
    var key = keyOf(form);
    var all = Array.prototype.slice.call(form.querySelectorAll("fieldset.asean-question"));
    var pick = Number(form.getAttribute("data-pick")) || 0;
    var state = store(key);
    if (state.fresh) state = {};
    var questions = all;
    if (pick) {
      var chosen = state.chosen && state.chosen.length ? state.chosen : shuffle(all.map(function (f) { return f.id; })).slice(0, pick);
      state.chosen = chosen;
      questions = chosen.map(function (id) { return document.getElementById(id); }).filter(Boolean);
      all.forEach(function (f) { f.hidden = questions.indexOf(f) < 0; });
      questions.forEach(function (f) { form.insertBefore(f, form.querySelector(".asean-quiz__end")); });
    }
    state.answers = state.answers || {};
    var score = form.querySelector(".asean-quiz__score");
    var again = form.querySelector(".asean-quiz__again");

    function inputs(fieldset) { return Array.prototype.slice.call(fieldset.querySelectorAll("input")); }
    function show(fieldset, chosen) {
      var right = fieldset.getAttribute("data-answer").split(",").sort().join(",");
      var ok = chosen.slice().sort().join(",") === right;
      inputs(fieldset).forEach(function (input) {
        input.checked = chosen.indexOf(input.value) >= 0;
        input.disabled = true;
      });
      var feedback = fieldset.querySelector(".asean-feedback");
      feedback.textContent = (ok ? "✓ " + form.getAttribute("data-right") : "✗ " + form.getAttribute("data-wrong"));
      feedback.className = "asean-feedback " + (ok ? "asean-feedback--right" : "asean-feedback--wrong");
      fieldset.querySelector(".asean-check").hidden = true;
      var details = fieldset.querySelector("details");
      details.hidden = false;
      details.open = true;
      return ok;
    }
    function update() {
      var done = questions.filter(function (f) { return state.answers[f.id]; });
      if (done.length === questions.length) {
        var right = done.filter(function (f) { return state.answers[f.id].ok; }).length;
        score.textContent = form.getAttribute("data-score").replace("{score}", right).replace("{total}", questions.length);
        again.hidden = false;
      } else {
        score.textContent = "";
      }
    }

    questions.forEach(function (fieldset, i) {
      var n = fieldset.querySelector(".asean-question__n");
      if (n) n.textContent = (i + 1) + ".";
      var button = fieldset.querySelector(".asean-check");
      var details = fieldset.querySelector("details");
      button.hidden = false;
      details.hidden = true;
      button.addEventListener("click", function () {
        var chosen = inputs(fieldset).filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
        if (!chosen.length) {
          fieldset.querySelector(".asean-feedback").textContent = form.getAttribute("data-choose");
          return;
        }
        state.answers[fieldset.id] = { chosen: chosen, ok: show(fieldset, chosen) };
        save(key, state);
        update();
      });
      if (state.answers[fieldset.id]) show(fieldset, state.answers[fieldset.id].chosen);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () {
      save(key, form.hasAttribute("data-bank") ? { fresh: true } : {});
      setTimeout(function () { location.reload(); }, 0);
    });
    save(key, state);
    update();
  }
  Array.prototype.forEach.call(document.querySelectorAll("form.asean-quiz"), function (form) {
    withBank(form, function () { init(form); });
  });
})();
