"""Registers the grading plugin for `pytest exercises` (see course_code/grading.py)."""

pytest_plugins = ["course_code.grading"]
