"""Grading: in-notebook checks, the self-check runner and nbgrader helpers."""
