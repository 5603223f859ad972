"""``python -m lawgov_score``."""

from __future__ import annotations

import sys

from lawgov_score.cli import main

sys.exit(main())
