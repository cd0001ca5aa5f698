"""The one exception type the command line turns into a friendly message instead of a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; the message (from the i18n catalogue) says what and how."""
