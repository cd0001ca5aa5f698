"""The instructor's workflow, one module per step (``cjcourse instructor …``).

``coursedir`` (set up a course root) → ``roster`` (import students) → ``release`` →
``collect`` (nbgrader exchange or an LMS zip) → ``repair`` (carry answers into a fresh copy) →
``scan`` (flag attempts to game the checks) → ``autograde`` (parallel, sandboxed: ``sandbox``,
``execute``, ``replay``) → formgrader (stock nbgrader) → ``feedback`` → ``export`` → ``report``.
"""
