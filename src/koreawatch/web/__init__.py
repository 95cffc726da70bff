"""The web pages served by the API app: ``mount_web(app)`` adds them (see ``routes``)."""

from koreawatch.web.routes import mount_web

__all__ = ["mount_web"]
