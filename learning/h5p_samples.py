"""A small genuine H5P library of ours, H5P.PacteQuestion 1.0 (one question, true/false or multiple choice, that
reports through H5P's xAPI), and the .h5p zips built with it: the demo's lesson and the tests build theirs here.
No library from the H5P hub is reachable from where the platform is built; this one follows H5P's library format
(library.json, a constructor with attach($container), getCurrentState, xAPI through EventDispatcher)."""

import io
import json
import zipfile

LIBRARY = {
    "title": "PACTE question", "machineName": "H5P.PacteQuestion", "majorVersion": 1, "minorVersion": 0,
    "patchVersion": 0, "runnable": 1, "embedTypes": ["div"], "author": "PACTE", "license": "MIT",
    "preloadedJs": [{"path": "pacte-question.js"}], "preloadedCss": [{"path": "pacte-question.css"}],
}
FOLDER = "H5P.PacteQuestion-1.0"

SCRIPT = """var H5P = H5P || {};

/* One question: the learner picks an answer and checks it. Each check triggers xAPI "answered" with its score;
   the right answer also triggers "completed" (success), which the platform records. The state (the answer given)
   is handed back on the next visit as extras.previousState. */
H5P.PacteQuestion = (function ($, EventDispatcher) {
  "use strict";

  function PacteQuestion(params, contentId, extras) {
    EventDispatcher.call(this);
    this.params = $.extend({ question: "", answers: [], correctFeedback: "", wrongFeedback: "", checkLabel: "Check",
      retryLabel: "Retry" }, params);
    this.contentId = contentId;
    this.state = (extras && extras.previousState) || {};
  }
  PacteQuestion.prototype = Object.create(EventDispatcher.prototype);
  PacteQuestion.prototype.constructor = PacteQuestion;

  PacteQuestion.prototype.getScore = function () { return this.state.correct ? 1 : 0; };
  PacteQuestion.prototype.getMaxScore = function () { return 1; };
  PacteQuestion.prototype.getCurrentState = function () { return this.state; };

  PacteQuestion.prototype.attach = function ($container) {
    var self = this;
    var name = "pacte-question-" + self.contentId;
    $container.addClass("h5p-pacte-question").empty();
    var $form = $("<form>").appendTo($container);
    var $fieldset = $("<fieldset>").appendTo($form);
    $("<legend>").text(self.params.question).appendTo($fieldset);
    self.params.answers.forEach(function (answer, index) {
      var id = name + "-" + index;
      var $row = $("<div class='h5p-pacte-answer'>").appendTo($fieldset);
      $("<input type='radio'>").attr({ id: id, name: name, value: index }).appendTo($row);
      $("<label>").attr("for", id).text(answer.text).appendTo($row);
    });
    var $button = $("<button type='submit' class='h5p-pacte-check'>").text(self.params.checkLabel).appendTo($form);
    var $feedback = $("<p class='h5p-pacte-feedback' role='status'>").appendTo($container);

    function show(correct) {
      $feedback.text(correct ? self.params.correctFeedback : self.params.wrongFeedback)
        .toggleClass("h5p-pacte-right", correct).toggleClass("h5p-pacte-wrong", !correct);
      $button.text(correct ? self.params.checkLabel : self.params.retryLabel);
    }

    if (typeof self.state.answer === "number") {
      $form.find("input[value=" + self.state.answer + "]").prop("checked", true);
      show(!!self.state.correct);
    }

    $form.on("submit", function (event) {
      event.preventDefault();
      var $checked = $form.find("input:checked");
      if (!$checked.length) { return; }
      var index = parseInt($checked.val(), 10);
      var answer = self.params.answers[index] || {};
      var correct = !!answer.correct;
      self.state = { answer: index, correct: correct };
      show(correct);
      self.triggerXAPIScored(correct ? 1 : 0, 1, "answered", true, correct);
      if (correct) { self.triggerXAPIScored(1, 1, "completed", true, true); }
      self.trigger("resize");
    });
  };

  return PacteQuestion;
}(H5P.jQuery, H5P.EventDispatcher));
"""

STYLE = """.h5p-pacte-question { padding: 1rem; font-size: 1rem; line-height: 1.5; }
.h5p-pacte-question fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
.h5p-pacte-question legend { font-weight: bold; margin-bottom: .5rem; }
.h5p-pacte-answer { margin: .25rem 0; }
.h5p-pacte-answer label { margin-left: .5rem; }
.h5p-pacte-check { padding: .5rem 1rem; border: 2px solid #1d4f91; border-radius: 4px; background: #1d4f91;
  color: #fff; font: inherit; cursor: pointer; }
.h5p-pacte-check:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
.h5p-pacte-right { color: #1b5e20; font-weight: bold; }
.h5p-pacte-wrong { color: #8a1c1c; font-weight: bold; }
"""


def manifest(title, language="fr"):
    return {
        "title": title, "language": language, "mainLibrary": LIBRARY["machineName"], "embedTypes": ["div"],
        "license": "U", "preloadedDependencies": [
            {"machineName": LIBRARY["machineName"], "majorVersion": 1, "minorVersion": 0}],
    }


def question(text="Le référent accompagne le nouveau professionnel pendant son premier mois.",
             answers=(("Vrai", True), ("Faux", False)), correct_feedback="Bonne réponse !",
             wrong_feedback="Ce n’est pas la bonne réponse : relisez la leçon et réessayez."):
    return {"question": text, "answers": [{"text": label, "correct": right} for label, right in answers],
            "correctFeedback": correct_feedback, "wrongFeedback": wrong_feedback, "checkLabel": "Vérifier",
            "retryLabel": "Réessayer"}


def h5p_files(title="Une question", content=None):
    """The files of a valid .h5p, by name (tests alter them to build hostile ones)."""
    return {
        "h5p.json": json.dumps(manifest(title), ensure_ascii=False),
        "content/content.json": json.dumps(content or question(), ensure_ascii=False),
        f"{FOLDER}/library.json": json.dumps(LIBRARY),
        f"{FOLDER}/pacte-question.js": SCRIPT,
        f"{FOLDER}/pacte-question.css": STYLE,
    }


def h5p_zip(title="Une question", content=None, files=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (files if files is not None else h5p_files(title, content)).items():
            archive.writestr(name, data)
    return buffer.getvalue()
