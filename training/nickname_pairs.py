"""The nickname lexicon the archive uses to fold "Chuck Schumer" and "Charles E. Schumer" into one person.

    python training/nickname_pairs.py           # writes builder/lang/nicknames.txt (a second)

The source is the `nicknames` package (Apache-2.0; a build-time dependency only, the `train` extra): a
hand-curated dataset of English given names and their nicknames ("charles has_nickname chuck"). One pair a
line, "nickname formal", lower case, sorted: deterministic.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "builder" / "lang" / "nicknames.txt"


def pairs() -> set[tuple[str, str]]:
    from nicknames import with_names_csv_path

    found = set()
    with with_names_csv_path() as path, open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["relationship"] == "has_nickname" and row["name1"] != row["name2"]:
                found.add((row["name2"].strip().lower(), row["name1"].strip().lower()))
    return found


def main() -> int:
    found = sorted(pairs())
    OUT.write_text("".join(f"{nick} {formal}\n" for nick, formal in found), encoding="utf-8")
    print(f"{len(found)} nickname pairs written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
