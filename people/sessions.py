"""The session engine (SESSION_ENGINE = "people.sessions"): Django's database sessions, each row carrying the id of
the person logged in with it. Every save of a session (login, key rotation, logout) rewrites the row, so the column
follows the session; people.services.lifecycle deletes a person's sessions by it."""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from people.models import UserSession

        return UserSession

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        try:
            session.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            session.user_id = None
        return session
