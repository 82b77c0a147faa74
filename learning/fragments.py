"""The lesson page's quizzes and reflection questions, written in Python in one pass: through the template
language, a quiz of five questions cost a third of the lesson's body. The markup is the templates' it replaces,
byte for byte; every text from the content or the learner is escaped here (the catalogue's texts are not, as
{% translate %} does not escape them)."""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _csrf_input(request):
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(get_token(request))}">'


def quiz_html(request, lesson, block, state):
    bid = escape(block.id)
    value = block.value
    out = [
        f'<section class="quiz" id="quiz-{bid}" aria-labelledby="quiz-title-{bid}">\n'
        f'  <h2 id="quiz-title-{bid}">{escape(value["title"])}</h2>\n'
        f'  <p class="help">{_("Pass mark: %(mark)s %%.") % {"mark": escape(value["pass_mark"])}}\n    ',
    ]
    limit = value["max_attempts"]
    if limit:
        out.append(ngettext("%(n)s attempt allowed.", "%(n)s attempts allowed.", limit) % {"n": escape(limit)})
    else:
        out.append(_("Unlimited attempts."))
    out.append("</p>\n  ")
    if state.attempts:
        passed, not_passed = _("passed"), _("not passed")
        out.append('\n  <ul class="quiz-attempts">')
        for attempt in state.attempts:
            url = escape(reverse("learning:attempt", kwargs={"pk": attempt.pk}))
            text = _("Attempt %(n)s: %(score)s %%") % {"n": escape(attempt.number), "score": escape(attempt.score)}
            out.append(f'\n    <li><a href="{url}">{text}</a> – {passed if attempt.passed else not_passed}</li>\n  ')
        out.append("</ul>")
    out.append("\n  ")
    if state.can_attempt:
        action = escape(reverse("learning:quiz_submit", kwargs={"pk": lesson.pk, "quiz_id": block.id}))
        several = _("several answers possible")
        out.append(f'\n  <form method="post" action="{action}">{_csrf_input(request)}\n'
                   f'    <input type="hidden" name="number" value="{escape(state.number)}">\n    ')
        for number, question in enumerate(state.questions, 1):
            multiple = question.multiple
            out.append(f'\n    <fieldset class="quiz-question">\n      <legend>{number}. {escape(question.text)}'
                       + (f' <span class="help">({several})</span>' if multiple else "") + "</legend>\n      ")
            name = escape(question.key)
            for choice in question.choices:
                cid = escape(choice.id)
                kind = "checkbox" if multiple else "radio"
                out.append(f'\n      <div class="quiz-choice">\n        <input type="{kind}" id="c-{bid}-{cid}"'
                           f' name="a-{name}" value="{cid}"{"" if multiple else " required"}>\n'
                           f'        <label for="c-{bid}-{cid}">{escape(choice.text)}</label>\n      </div>\n      ')
            out.append("\n    </fieldset>\n    ")
        out.append(f'\n    <button class="button" type="submit">{_("Submit my answers")}</button>\n'
                   "  </form>\n  ")
    else:
        out.append(f'<p>{_("You have used every attempt this quiz allows.")}</p>')
    out.append("\n</section>\n")
    return mark_safe("".join(out))  # noqa: S308 (every text above is escaped)


def reflection_html(request, lesson, block, entry):
    bid = escape(block.id)
    value = block.value
    action = escape(reverse("learning:reflection_save", kwargs={"pk": lesson.pk, "block_id": block.id}))
    guidance = f'<p class="help">{escape(value["guidance"])}</p>' if value["guidance"] else ""
    answer = escape(entry.answer or "") if entry else ""
    share = _("Share this answer with my region's trainers")
    return mark_safe(  # noqa: S308 (every text is escaped)
        f'<section class="reflection" id="r-{bid}" aria-labelledby="r-title-{bid}">\n'
        f'  <h2 id="r-title-{bid}">{_("Reflection question")}</h2>\n'
        f'  <p class="reflection-prompt">{escape(value["prompt"])}</p>\n'
        f"  {guidance}\n"
        f'  <form method="post" action="{action}">{_csrf_input(request)}\n'
        '    <div class="field">\n'
        f'      <label for="answer-{bid}">{_("My answer (kept in my private notebook)")}</label>\n'
        f'      <textarea id="answer-{bid}" name="answer" rows="5" required>{answer}</textarea>\n'
        "    </div>\n"
        '    <div class="field">\n'
        f'      <input type="checkbox" id="shared-{bid}" name="shared"{" checked" if entry and entry.shared else ""}>\n'
        f'      <label for="shared-{bid}">{share}</label>\n'
        "    </div>\n"
        f'    <button class="button button-secondary" type="submit">{_("Save in my notebook")}</button>\n'
        "  </form>\n"
        "</section>\n"
    )
