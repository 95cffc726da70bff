"""The REST API (FastAPI): ``create_app(settings, store)`` in ``api/app.py``; routes in
``routes_*.py``, request/response models in ``schemas.py``, the error shape in
``errors.py``, tokens in ``auth.py``, background jobs in ``jobs.py``."""
