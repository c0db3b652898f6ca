"""mockint in the browser: practise, speak and review, served from this computer only.

  security   the guard: this launch's key, Host and Origin checks, body and rate limits
  app        the routes, behind the guard
  pages      the practice page, sessions, a session's review, progress
  prep_pages stories, questions to ask, the follow-up message
  live       the practice session a tab drives, on the terminal's session engine
  socket     the practice page's WebSocket: messages and microphone audio
  channel    the browser as a Channel: typed answers, recorded answers, spoken questions
  view       the session's View: questions, feedback and the summary as messages
  server     binding the loopback socket and serving with uvicorn
  templates  Jinja2, autoescaped; static/ holds the CSS, the page script and the AudioWorklet
"""

from mockint.web.app import create_app
from mockint.web.security import Launch

__all__ = ["Launch", "create_app"]
