"""asknotes in Slack.

    from bot import create_app, register
    app = create_app(searcher, token=..., signing_secret=...)   # a Bolt App that answers questions
    register(existing_app, searcher)                            # or add asknotes to a Bolt App you run

Importing this package is cheap: Bolt is imported when an App is built, never at import time.
"""

from .app import SetupError, create_app, register

__all__ = ["SetupError", "create_app", "register"]
