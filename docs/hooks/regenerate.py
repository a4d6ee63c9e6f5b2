"""``mkdocs serve`` watches ``derivations/`` (``mkdocs.yml: watch``); before each rebuild, if a file
of the package changed since the last one, the tables are regenerated, so the served page shows
what the edited derivation gives. A derivation that fails is reported and the old tables stay.

``mkdocs build`` never regenerates: it publishes the committed tables, which ``tables --check``
(CI, the publishing workflow) holds to the derivations.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from notebooks import source_key

SERVING = False
"""Set by the hooks' ``on_startup``."""

log = logging.getLogger("mkdocs.hooks.regenerate")
_last: dict[Path, str] = {}


def tables_if_derivations_changed(root: Path) -> None:
    key = source_key(root / "derivations")
    previous = _last.setdefault(root, key)
    if not SERVING or key == previous:
        return
    _last[root] = key
    log.info("derivations/ changed: regenerating the tables (python -m derivations tables)")
    result = subprocess.run([sys.executable, "-m", "derivations", "tables"], cwd=root,
                            capture_output=True, text=True)
    if result.returncode != 0:
        log.warning("the tables could not be regenerated; run `python -m derivations tables`:\n%s",
                    result.stderr.strip())
    else:
        log.info(result.stdout.strip().splitlines()[-1])
