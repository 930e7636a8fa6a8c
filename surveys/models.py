"""Surveys, sessions and participation records."""
