/* The lesson page's side of interactive content (SCORM, H5P). The package plays in a sandboxed frame (opaque
   origin); its runtime (scorm-api.js) posts {type: "pacte-scorm", event: "commit"|"finish", values: {...}} here, the
   H5P player page (h5p-player.js) {type: "pacte-h5p", values: {verb, score_raw, ..., state}}. Only messages from one
   of this page's frames (or a frame inside it), from an opaque origin, of the frame's own kind, are accepted; their
   values are sent, in order, to the lesson's record URL with the CSRF token; the server checks every value. */
(function () {
  "use strict";
  var frames = Array.prototype.slice.call(document.querySelectorAll("iframe[data-interactive]"));
  if (!frames.length) { return; }
  var queue = Promise.resolve();

  function frameOf(source) {
    var win = source;
    for (var depth = 0; win && depth < 10; depth += 1) {
      for (var i = 0; i < frames.length; i += 1) {
        if (frames[i].contentWindow === win) { return frames[i]; }
      }
      if (win === win.parent) { break; }
      win = win.parent;
    }
    return null;
  }

  var H5P_KEYS = { verb: "string", score_raw: "number", score_max: "number", score_scaled: "number",
    completion: "boolean", success: "boolean", state: "string" };

  function validH5P(data) {
    if (!data.values || typeof data.values !== "object" || Array.isArray(data.values)) { return false; }
    return Object.keys(data.values).every(function (key) {
      return Object.prototype.hasOwnProperty.call(H5P_KEYS, key) && typeof data.values[key] === H5P_KEYS[key];
    });
  }

  function valid(frame, data) {
    if (!data || typeof data !== "object" || data.type !== frame.getAttribute("data-message-type")) { return false; }
    if (data.type === "pacte-h5p") { return validH5P(data); }
    if (data.type !== "pacte-scorm") { return false; }
    if (data.event !== "commit" && data.event !== "finish") { return false; }
    if (!data.values || typeof data.values !== "object" || Array.isArray(data.values)) { return false; }
    return Object.keys(data.values).every(function (key) {
      var value = data.values[key];
      return /^cmi\.[a-z_.]{1,60}$/.test(key) && (typeof value === "string" || typeof value === "number");
    });
  }

  function send(frame, values) {
    var block = frame.closest("[data-interactive-block]");
    var status = block.querySelector("[data-interactive-status]");
    var token = block.querySelector("input[name=csrfmiddlewaretoken]").value;
    return fetch(frame.getAttribute("data-record-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ values: values })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) {
        status.textContent = (result.body && result.body.error) || block.getAttribute("data-error-text");
      } else if (result.body.lesson_done) {
        status.textContent = block.getAttribute("data-done-text");
        document.body.setAttribute("data-lesson-done", "true");
      } else {
        status.textContent = block.getAttribute("data-saved-text");
      }
    }).catch(function () {
      status.textContent = block.getAttribute("data-error-text");
    });
  }

  window.addEventListener("message", function (event) {
    var frame = frameOf(event.source);
    if (!frame || event.origin !== "null" || !valid(frame, event.data)) { return; }
    var values = event.data.values;
    queue = queue.then(function () { return send(frame, values); });
  });
}());
