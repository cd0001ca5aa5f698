"""One catalogue module per area (checks, cli, journey, metrics, widgets…).

Each module defines two dicts with the same keys: ``ES`` (Spanish, the default) and ``EN``.
Keys are dotted and start with the area: ``"journey.stage_missing"``. A test checks that
every key exists in both languages and that no key is defined twice.
"""
