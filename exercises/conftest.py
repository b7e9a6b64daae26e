"""Registers the grading plugin for `pytest exercises` (see course_grading.plugin.py)."""

pytest_plugins = ["course_grading.plugin"]
