/* Forums: @mention suggestions in the editor (progressive enhancement: without JavaScript, people type the
   handle themselves). Suggestions come from /<lang>/forums/mentions/, which offers only people who can read the
   forum. The preview is a server round-trip (the "Preview" button), so it needs no script. */
(function () {
  "use strict";

  function setup(form) {
    var textarea = form.querySelector("textarea[data-mentions]");
    if (!textarea || !form.dataset.mentionsUrl) return;
    var list = document.createElement("ul");
    list.className = "mention-suggestions";
    list.id = textarea.id + "-mentions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.mentionsLabel || "@");
    list.hidden = true;
    textarea.insertAdjacentElement("afterend", list);
    textarea.setAttribute("aria-controls", list.id);
    textarea.setAttribute("aria-autocomplete", "list");
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    list.insertAdjacentElement("afterend", status);
    var active = -1, results = [], timer = null;

    function currentWord() {
      var before = textarea.value.slice(0, textarea.selectionStart);
      var match = /(^|[\s(])@([\w-]{1,40})$/.exec(before);
      return match ? match[2] : null;
    }

    function close() { list.hidden = true; list.innerHTML = ""; active = -1; results = []; textarea.removeAttribute("aria-activedescendant"); }

    function choose(index) {
      var item = results[index];
      if (!item) return;
      var start = textarea.selectionStart;
      var before = textarea.value.slice(0, start).replace(/@[\w-]*$/, "@" + item.handle + " ");
      textarea.value = before + textarea.value.slice(start);
      textarea.selectionStart = textarea.selectionEnd = before.length;
      close();
      textarea.focus();
    }

    function highlight(index) {
      var items = list.querySelectorAll("li");
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (items[index]) textarea.setAttribute("aria-activedescendant", items[index].id);
    }

    function show(found) {
      results = found;
      list.innerHTML = "";
      found.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = item.name + " (@" + item.handle + ")";
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = found.length === 0;
      status.textContent = found.length ? found.length + " ✓" : "";
      if (found.length) highlight(0);
    }

    textarea.addEventListener("input", function () {
      var word = currentWord();
      clearTimeout(timer);
      if (!word) { close(); return; }
      timer = setTimeout(function () {
        var url = form.dataset.mentionsUrl + "?forum=" + encodeURIComponent(form.dataset.forum) + "&q=" + encodeURIComponent(word);
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) { show(data.results || []); })
          .catch(close);
      }, 150);
    });

    textarea.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % results.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + results.length) % results.length); }
      else if (event.key === "Enter" || event.key === "Tab") { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { close(); }
    });
    textarea.addEventListener("blur", function () { setTimeout(close, 200); });
  }

  document.querySelectorAll("form.forum-editor-form").forEach(setup);
})();
