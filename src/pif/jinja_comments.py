"""Find (and fix) Jinja comments whose apostrophes would break the dbt docs' Source tab.

The dbt docs site highlights a model's or macro's source as SQL, which knows nothing of Jinja
comments `{# ... #}`: an odd number of straight apostrophes in one (`the child's plan`) opens a
string that runs into the code after it, so the rest of the Source tab is shown as one string.
Quoted values ('S', 'concluded_date') come in pairs and are harmless; possessives and
contractions are written with a typographic apostrophe (’) instead.

    python -m pif.jinja_comments          # list offending comments, exit 1 when there is one
    python -m pif.jinja_comments --fix    # replace possessive/contraction apostrophes in them
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

FOLDERS: tuple[str, ...] = ("models", "macros", "tests", "analyses", "snapshots")
COMMENT = re.compile(r"\{#(.*?)#\}", re.S)
# An apostrophe inside a word (child's, AD/020's, don't) or closing a lower-case plural (carers' needs).
WORD_APOSTROPHE = re.compile(r"(?<=[A-Za-z0-9])'(?=[a-z])|(?<=[a-z]s)'(?=\s)")
TYPOGRAPHIC = "\u2019"


@dataclass(frozen=True)
class Finding:
    """A Jinja comment with an odd number of straight apostrophes."""

    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: Jinja comment with an unbalanced apostrophe: {self.text}"


def sql_files(root: Path) -> list[Path]:
    """Every .sql file of the dbt project's folders."""
    return sorted(path for folder in FOLDERS for path in (root / folder).rglob("*.sql"))


def unbalanced(path: Path, root: Path | None = None) -> list[Finding]:
    """The comments of one file with an odd number of straight apostrophes."""
    text = path.read_text(encoding="utf-8")
    shown = path.relative_to(root) if root else path
    findings = []
    for match in COMMENT.finditer(text):
        body = match.group(1)
        if body.count("'") % 2:
            line = text.count("\n", 0, match.start()) + 1
            first = next(item for item in body.splitlines() if "'" in item).strip()
            findings.append(Finding(shown, line, first[:100]))
    return findings


def fix_text(text: str) -> str:
    """`text` with possessive and contraction apostrophes made typographic in unbalanced comments."""

    def repair(match: re.Match[str]) -> str:
        body = match.group(1)
        if body.count("'") % 2 == 0:
            return match.group(0)
        return "{#" + WORD_APOSTROPHE.sub(TYPOGRAPHIC, body) + "#}"

    return COMMENT.sub(repair, text)


def main(argv: list[str] | None = None) -> int:
    from pif.contract import project_root

    args = sys.argv[1:] if argv is None else argv
    root = project_root()
    if "--fix" in args:
        for path in sql_files(root):
            text = path.read_text(encoding="utf-8")
            fixed = fix_text(text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                print(f"fixed {path.relative_to(root)}")
    findings = [finding for path in sql_files(root) for finding in unbalanced(path, root)]
    for finding in findings:
        print(finding)
    print(f"Jinja comments with an unbalanced apostrophe: {len(findings)}")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
