"""Registers the grading plugin of `pytest exercises`: course_grading/plugin.py."""

pytest_plugins = ["course_grading.plugin"]
