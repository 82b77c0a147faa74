"""Simultaneous requests against row locks, on PostgreSQL (SQLite serialises every write to the whole database,
which proves nothing about row locks). The threads need committed data, so this is a transactional test; and since
each transactional test ends by emptying every table, the session's site structure included, the apps' scenarios
run in this one test (`<app>/tests/concurrency.py`) rather than in one test each."""

import pytest
from django.db import connection

from forums.tests.concurrency import check_fifty_simultaneous_replies_keep_counts_exact
from learning.tests.concurrency import check_simultaneous_visits_and_submissions_record_once


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite has no row-level locks")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_keep_records_exact(people):
    check_fifty_simultaneous_replies_keep_counts_exact(people)
    check_simultaneous_visits_and_submissions_record_once(people)
