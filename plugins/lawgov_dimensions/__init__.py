"""The ten built-in dimensions D1–D10: the ten parts of the 2021–2025 national outline.

《法治政府建设实施纲要（2021－2025年）》 has ten parts; each module here declares one of them as
a :class:`lawgov_score.dimension.DimensionPlugin` and registers it through its own entry point
(``d01`` … ``d10`` in the group ``lawgov_score``), exactly as a third-party plugin would, so any
of them can be blocked by name. The package imports none of them itself.

The definitions are data, built with the helpers in :mod:`lawgov_score.assess.build`.
"""
