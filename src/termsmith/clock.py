"""The date stamped on changed entries.

Honours ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) so tests and packagers
can freeze it; otherwise the current UTC date.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def now() -> datetime:
    """The current time in UTC, or ``SOURCE_DATE_EPOCH`` when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


def today() -> str:
    """Today's date as ``YYYY-MM-DD``."""
    return date.isoformat(now().date())
