"""Quizzes: which questions an attempt asks, reading a submitted form, scoring. Nothing here writes.

A question is known by a key: `q:<block id>` for a question written in the quiz, `b:<bank id>:<block id>` for one
drawn from a question bank. Answers are known by their block ids. The page shows keys, answer ids and texts only:
which answers are right stays on the server. Questions drawn from a bank are drawn again, identically, when the
form comes back: the draw is seeded with the learner, the quiz and the attempt's number."""

import random
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from learning.enums import QuestionKind


class QuizFormError(Exception):
    """A submitted quiz that cannot be scored; the message says why, in the learner's language."""


@dataclass
class Choice:
    id: str
    text: str
    correct: bool
    feedback: str


@dataclass
class Question:
    key: str
    kind: str
    text: str
    choices: list = field(default_factory=list)

    @property
    def multiple(self):
        return self.kind == QuestionKind.MULTIPLE

    def correct_ids(self):
        return {choice.id for choice in self.choices if choice.correct}


def _question(key, value):
    choices = [
        Choice(id=str(child.id), text=child.value["text"], correct=bool(child.value["correct"]),
               feedback=child.value["feedback"] or "")
        for child in value["choices"].bound_blocks
    ]
    return Question(key=key, kind=value["kind"], text=value["text"], choices=choices)


def questions_for(quiz_block, user_id, number):
    """The questions of attempt `number` of `user_id` on this quiz (a StreamChild of kind "quiz")."""
    questions = []
    for child in quiz_block.value["questions"]:
        if child.block_type == "question":
            questions.append(_question(f"q:{child.id}", child.value))
        elif child.block_type == "from_bank":
            bank = child.value["bank"]
            if bank is None:
                continue  # a deleted bank asks nothing
            pool = [_question(f"b:{bank.pk}:{q.id}", q.value) for q in bank.questions if q.block_type == "question"]
            count = child.value["count"]
            if count and count < len(pool):
                rng = random.Random(f"{user_id}:{quiz_block.id}:{number}:{child.id}")
                pool = sorted(rng.sample(pool, count), key=pool.index)
            questions.extend(pool)
    return questions


def read_answers(questions, data):
    """{question key: set of answer ids} from a submitted form (a QueryDict), or QuizFormError. A form is refused
    whole: answers to questions this attempt did not ask, unknown answer ids, a question left out, the same answer
    twice, several answers to a single-choice question."""
    expected = {question.key: question for question in questions}
    submitted = {name[2:] for name in data.keys() if name.startswith("a-")}
    unknown = submitted - expected.keys()
    if unknown:
        raise QuizFormError(_("The form contains answers to questions this quiz does not ask. Reload the lesson and "
                              "answer again."))
    answers = {}
    for key, question in expected.items():
        values = data.getlist(f"a-{key}")
        if not values:
            raise QuizFormError(_("Answer every question before submitting."))
        if len(values) != len(set(values)):
            raise QuizFormError(_("The same answer was sent twice. Reload the lesson and answer again."))
        if not question.multiple and len(values) > 1:
            raise QuizFormError(_("A single-choice question accepts one answer only."))
        known = {choice.id for choice in question.choices}
        if not set(values) <= known:
            raise QuizFormError(_("The form contains an answer this quiz does not offer. Reload the lesson and "
                                  "answer again."))
        answers[key] = set(values)
    return answers


@dataclass
class Score:
    correct: int
    total: int
    percent: int
    passed: bool
    details: list


def score(questions, answers, pass_mark):
    """All-or-nothing per question: right when exactly the correct answers are chosen."""
    details = []
    correct = 0
    for question in questions:
        chosen = answers[question.key]
        right = chosen == question.correct_ids()
        correct += right
        details.append({
            "key": question.key,
            "text": question.text,
            "right": right,
            "chosen": [{"text": c.text, "feedback": c.feedback} for c in question.choices if c.id in chosen],
        })
    total = len(questions)
    percent = round(100 * correct / total) if total else 0
    return Score(correct=correct, total=total, percent=percent, passed=percent >= pass_mark, details=details)
