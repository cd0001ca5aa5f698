"""Notebooks served by `cjcourse app` (Voilà) and their page template."""
