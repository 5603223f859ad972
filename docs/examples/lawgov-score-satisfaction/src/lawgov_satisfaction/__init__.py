"""Example third-party plugin for lawgov_score: a public-satisfaction dimension."""
