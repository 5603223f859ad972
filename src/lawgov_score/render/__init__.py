"""Renderers: assessments as terminal tables, JSON, CSV and Markdown."""
