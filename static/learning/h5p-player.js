/* PACTE's H5P player page, inside the lesson's sandboxed frame (an opaque origin: no cookie, no access to the
   platform's pages). h5p-standalone (static/vendor/h5p-standalone, fetched by the Makefile) plays the content from
   the package's signed links; the learner's last state comes in the URL's fragment (#pacte=base64url JSON), as for
   SCORM. Every xAPI statement of the content itself (not of its sub-contents) is posted to the lesson page as
   {type: "pacte-h5p", values: {verb, score_raw, score_max, score_scaled, completion, success, state}}; the lesson
   page checks where it comes from and sends it to the server, which checks every value. */
(function () {
  "use strict";
  var element = document.getElementById("h5p-container");
  if (!element || !window.H5PStandalone) { return; }
  var origin = element.getAttribute("data-origin") || "";
  var state = "";

  try {
    var match = /(?:^#|&)pacte=([A-Za-z0-9_-]+)/.exec(window.location.hash);
    if (match) {
      var encoded = match[1].replace(/-/g, "+").replace(/_/g, "/");
      while (encoded.length % 4) { encoded += "="; }
      var binary = atob(encoded);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
      var config = JSON.parse(new TextDecoder().decode(bytes));
      if (config && config.state && typeof config.state.state === "string") { state = config.state.state; }
      try { history.replaceState(null, "", window.location.pathname + window.location.search); } catch (e) { /* keep it */ }
    }
  } catch (e) { state = ""; }

  // The sandboxed frame has no storage (reading window.localStorage throws there); H5P's core reads it for its
  // clipboard and request queue. It gets one in memory, gone with the page.
  try { void window.localStorage; } catch (e) {
    var memory = {};
    var storage = {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null; },
      setItem: function (key, value) { memory[key] = String(value); },
      removeItem: function (key) { delete memory[key]; },
      clear: function () { memory = {}; },
      key: function (index) { return Object.keys(memory)[index] || null; },
      get length() { return Object.keys(memory).length; }
    };
    try { Object.defineProperty(window, "localStorage", { value: storage, configurable: true }); } catch (e2) { /* as is */ }
  }

  var contentId = element.getAttribute("data-content-id");
  var options = {
    id: contentId,
    h5pJsonPath: element.getAttribute("data-h5p-path"),
    frameJs: element.getAttribute("data-frame-js"),
    frameCss: element.getAttribute("data-frame-css"),
    embedType: "div",
    frame: false, copyright: false, export: false, embed: false, icon: false, fullScreen: false,
    // H5P hands a state back to the content only when saving is on; with no user and no URL it never leaves the page.
    saveFreq: 3600,
    assetsRequestFetchOptions: { credentials: "omit" }
  };
  if (state) { options.contentUserData = [{ state: state }]; }

  function currentState() {
    var instance = (window.H5P && window.H5P.instances || []).filter(function (item) {
      return String(item.contentId) === String(contentId);
    })[0];
    if (!instance || typeof instance.getCurrentState !== "function") { return undefined; }
    try {
      var value = instance.getCurrentState();
      return value === undefined ? undefined : JSON.stringify(value);
    } catch (e) { return undefined; }
  }

  function values(statement) {
    var verb = String((statement.verb && statement.verb.id) || "").split("/").pop();
    var result = statement.result || {};
    var score = result.score || {};
    var out = { verb: verb };
    if (typeof score.raw === "number" && typeof score.max === "number") {
      out.score_raw = score.raw;
      out.score_max = score.max;
      if (typeof score.scaled === "number") { out.score_scaled = score.scaled; }
    }
    if (typeof result.completion === "boolean") { out.completion = result.completion; }
    if (typeof result.success === "boolean") { out.success = result.success; }
    var saved = currentState();
    if (typeof saved === "string") { out.state = saved; }
    return out;
  }

  function listen() {
    if (!window.H5P || !window.H5P.externalDispatcher || listen.done) { return; }
    listen.done = true;
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event && event.data && event.data.statement;
      if (!statement || !origin) { return; }
      var context = statement.context && statement.context.contextActivities;
      if (context && context.parent && context.parent.length) { return; } // a sub-content's statement
      try { window.top.postMessage({ type: "pacte-h5p", values: values(statement) }, origin); } catch (e) { /* no parent */ }
    });
  }

  // Listen even if something in H5P's start-up failed after the content was attached.
  new window.H5PStandalone.H5P(element, options).then(listen, listen);
}());
