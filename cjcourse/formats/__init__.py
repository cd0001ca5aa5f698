"""Open formats a journey map can be exported to and imported from.

- :mod:`~cjcourse.formats.mermaid`: Mermaid ``journey`` diagrams (text, renders on GitHub/GitLab).
- :mod:`~cjcourse.formats.tidy`: a tidy CSV, one row per stage × lane × card (Excel, pandas).
- :mod:`~cjcourse.formats.ojf`: an OpenJourney-style JSON export (export only).

The native format, lossless and versioned, is the JSON of :meth:`cjcourse.journey.JourneyMap.to_json`.
"""

from cjcourse.formats.mermaid import from_mermaid, mermaid_subset, to_mermaid
from cjcourse.formats.ojf import to_ojf
from cjcourse.formats.tidy import CSV_COLUMNS, from_csv, read_csv, to_csv, to_frame, write_csv

__all__ = [
    "CSV_COLUMNS",
    "from_csv",
    "from_mermaid",
    "mermaid_subset",
    "read_csv",
    "to_csv",
    "to_frame",
    "to_mermaid",
    "to_ojf",
    "write_csv",
]
