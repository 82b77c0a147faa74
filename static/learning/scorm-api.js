/* PACTE's SCORM runtime, injected first into every HTML page of a package (learning.scorm.inject). It defines
   window.API (SCORM 1.2) and window.API_1484_11 (SCORM 2004) in the package's own sandboxed window: values live in
   memory, start from the state the lesson page passes in the launch URL's fragment (#pacte=base64url JSON), and
   each Commit/Finish posts the tracked values to the lesson page, which records them on the server. */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = (script && script.getAttribute("data-pacte-origin")) || "";
  var store = {};
  var TRACKED = {
    "cmi.core.lesson_status": 1, "cmi.core.score.raw": 1, "cmi.core.score.min": 1, "cmi.core.score.max": 1,
    "cmi.core.lesson_location": 1, "cmi.suspend_data": 1,
    "cmi.completion_status": 1, "cmi.success_status": 1, "cmi.score.raw": 1, "cmi.score.min": 1,
    "cmi.score.max": 1, "cmi.location": 1
  };
  var V12 = { "cmi.core.lesson_status": 1, "cmi.core.score.raw": 1, "cmi.core.score.min": 1,
    "cmi.core.score.max": 1, "cmi.core.lesson_location": 1, "cmi.suspend_data": 1 };

  try {
    var match = /(?:^#|&)pacte=([A-Za-z0-9_-]+)/.exec(window.location.hash);
    if (match) {
      var encoded = match[1].replace(/-/g, "+").replace(/_/g, "/");
      while (encoded.length % 4) { encoded += "="; }
      var binary = atob(encoded);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
      var config = JSON.parse(new TextDecoder().decode(bytes));
      if (config && typeof config.state === "object") { store = config.state; }
      try { history.replaceState(null, "", window.location.pathname + window.location.search); } catch (e) { /* keep it */ }
    }
  } catch (e) { store = {}; }

  function post(event, version) {
    var values = {};
    Object.keys(store).forEach(function (key) {
      if (TRACKED[key] && (version === "1.2") === !!V12[key]) { values[key] = String(store[key]); }
    });
    if (!origin) { return; }
    try { window.top.postMessage({ type: "pacte-scorm", event: event, values: values }, origin); } catch (e) { /* no parent */ }
  }

  function runtime(version, defaults) {
    var state = { initialized: false, finished: false, error: "0" };
    function fail(code) { state.error = code; return "false"; }
    return {
      init: function () {
        if (state.initialized) { return fail(version === "1.2" ? "101" : "103"); }
        state.initialized = true; state.error = "0"; return "true";
      },
      finish: function () {
        if (!state.initialized || state.finished) { return fail(version === "1.2" ? "301" : "112"); }
        post("finish", version); state.finished = true; state.error = "0"; return "true";
      },
      get: function (key) {
        if (!state.initialized) { state.error = version === "1.2" ? "301" : "122"; return ""; }
        state.error = "0";
        key = String(key);
        if (Object.prototype.hasOwnProperty.call(store, key)) { return String(store[key]); }
        return Object.prototype.hasOwnProperty.call(defaults, key) ? defaults[key] : "";
      },
      set: function (key, value) {
        if (!state.initialized || state.finished) { return fail(version === "1.2" ? "301" : "132"); }
        store[String(key)] = String(value); state.error = "0"; return "true";
      },
      commit: function () {
        if (!state.initialized || state.finished) { return fail(version === "1.2" ? "301" : "142"); }
        post("commit", version); state.error = "0"; return "true";
      },
      lastError: function () { return state.error; },
      errorString: function (code) { return { "0": "No error", "101": "General exception", "103": "Already initialized",
        "112": "Termination after termination", "122": "Retrieve before initialization", "132": "Store before initialization",
        "142": "Commit before initialization", "301": "Not initialized" }[String(code)] || ""; },
      diagnostic: function (code) { return this.errorString(code || state.error); }
    };
  }

  var v12 = runtime("1.2", { "cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio",
    "cmi.core.credit": "credit", "cmi.core.lesson_mode": "normal" });
  window.API = {
    LMSInitialize: function () { return v12.init(); },
    LMSFinish: function () { return v12.finish(); },
    LMSGetValue: function (key) { return v12.get(key); },
    LMSSetValue: function (key, value) { return v12.set(key, value); },
    LMSCommit: function () { return v12.commit(); },
    LMSGetLastError: function () { return v12.lastError(); },
    LMSGetErrorString: function (code) { return v12.errorString(code); },
    LMSGetDiagnostic: function (code) { return v12.diagnostic(code); }
  };
  var v2004 = runtime("2004", { "cmi.completion_status": "unknown", "cmi.success_status": "unknown",
    "cmi.entry": "ab-initio", "cmi.credit": "credit", "cmi.mode": "normal" });
  window.API_1484_11 = {
    Initialize: function () { return v2004.init(); },
    Terminate: function () { return v2004.finish(); },
    GetValue: function (key) { return v2004.get(key); },
    SetValue: function (key, value) { return v2004.set(key, value); },
    Commit: function () { return v2004.commit(); },
    GetLastError: function () { return v2004.lastError(); },
    GetErrorString: function (code) { return v2004.errorString(code); },
    GetDiagnostic: function (code) { return v2004.diagnostic(code); }
  };
}());
