"""`pif report`: the return as one self-contained HTML page a person reads in a browser.

No server, no internet, no script: inline CSS and inline SVG only, so the file can be mailed,
opened from a share or archived. It shows what made the return (authority, extract, run, versions),
a summary, the return by section in catalogue order (the current and previous years, the change,
a six-year sparkline per figure, "-" with the reason for a figure not given), the category-by-age
matrices, the relation check of the return (pif.check against src/pif/measure_relations.csv), data
quality (rows rejected by file and reason, the commonest reasons, validation findings), coverage
of the registry, and every interpretation var in force (those changed from the default marked).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pif.check import check as check_relations
from pif.check import load_relations, summarise
from pif.returnbook import (
    NOT_AVAILABLE,
    NOT_IMPLEMENTED,
    NOT_SHOWN,
    WELSH_GOVERNMENT,
    Line,
    RunInfo,
    matrices,
    partial_year_warning,
    return_lines,
    show_var,
    vars_in_force,
    years_of,
)
from pif.workbook import notes_rows

CSS = """
body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:0;color:#1b1b1b;background:#f4f6f9}
header{background:#1f4e79;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:2px 0;font-size:13px;opacity:.9}main{padding:10px 28px 40px;max-width:1320px}
nav{font-size:13px;margin:12px 0}nav a{margin-right:12px;color:#1f4e79}
section{background:#fff;border:1px solid #d6dce4;border-radius:6px;margin:16px 0;padding:8px 18px 16px}
h2{color:#1f4e79;font-size:18px;border-bottom:2px solid #d9e2f3;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px;background:#d9e2f3;padding:5px 8px;border-radius:3px}
table{border-collapse:collapse;width:100%;font-size:12.5px}th{background:#1f4e79;color:#fff;
text-align:left;padding:5px 6px;position:sticky;top:0;white-space:nowrap}
table.ret{table-layout:fixed}td{padding:4px 6px;border-bottom:1px solid #eceff3;
vertical-align:top}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.stem td{background:#f2f2f2;font-weight:600}tr.total td{font-weight:600;border-top:1px solid #999}
td.ref{white-space:nowrap;color:#444}td.note{color:#555;font-size:11.5px;max-width:380px}
.up{color:#1a7f37}.down{color:#b42318}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{flex:1;min-width:160px;background:#f7f9fc;border:1px solid #d6dce4;border-radius:6px;padding:10px}
.card b{display:block;font-size:22px;color:#1f4e79}.card span{font-size:12px;color:#555}
.fail{color:#b42318;font-weight:600}.pass{color:#1a7f37}.warn{color:#9a6700;font-weight:600}
.changed td{background:#fff4ce}.bar{display:inline-block;height:9px;background:#5b9bd5;vertical-align:middle}
.internal{background:#fde7e9;color:#8a1c1c;padding:6px 10px;border-radius:4px;font-size:13px}
"""


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def sparkline(values: list[float | None], width: int = 110, height: int = 26) -> str:
    """An inline SVG line of the figures in year order (gaps where a year has none)."""
    known = [value for value in values if value is not None]
    if len(known) < 2:
        return ""
    low, high = min(known), max(known)
    span = (high - low) or 1.0
    step = (width - 6) / max(len(values) - 1, 1)
    points = [
        (3 + index * step, height - 3 - (value - low) / span * (height - 6))
        for index, value in enumerate(values)
        if value is not None
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last_x, last_y = points[-1]
    title = " ".join(number(value) if value is not None else "-" for value in values)
    return (
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="trend {esc(title)}"><title>{esc(title)}</title>'
        f'<polyline fill="none" stroke="#1f4e79" stroke-width="1.5" points="{path}"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5" fill="#c55a11"/></svg>'
    )


RETURN_WIDTHS = (105, None, 72, 72, 62, 52, 124, 250)


def _table(
    headings: Iterable[str],
    rows: Iterable[str],
    numeric: Iterable[int] = (),
    widths: Iterable[int | None] = (),
) -> str:
    numeric = set(numeric)
    head = "".join(f'<th{" class=n" if i in numeric else ""}>{esc(h)}</th>' for i, h in enumerate(headings))
    widths = list(widths)
    columns = "".join(f'<col style="width:{w}px">' if w else "<col>" for w in widths)
    css = ' class="ret"' if widths else ""
    colgroup = f"<colgroup>{columns}</colgroup>" if widths else ""
    return f"<table{css}>{colgroup}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _change(current: float | None, previous: float | None) -> tuple[str, str]:
    if current is None or previous is None:
        return "", ""
    difference = current - previous
    css = "up" if difference > 0 else "down" if difference < 0 else ""
    percent = f"{difference / previous * 100:+.0f}%" if previous else ""
    shown = f"{difference:+,.0f}" if difference else "0"
    return f'<span class="{css}">{shown}</span>', percent


def _return_section(lines: list[Line], years: list[str]) -> str:
    current = years[0] if years else ""
    previous = years[1] if len(years) > 1 else ""
    ascending = list(reversed(years))
    parts = []
    rows: list[str] = []

    def flush() -> None:
        if rows:
            headings = [
                "Reference",
                "Measure",
                current,
                previous,
                "Change",
                "%",
                f"{ascending[0]} to {ascending[-1]}",
                "Note",
            ]
            parts.append(_table(headings, rows, numeric=(2, 3, 4, 5), widths=RETURN_WIDTHS))
            rows.clear()

    for line in lines:
        if line.kind == "section":
            flush()
            parts.append(f'<h3 id="s-{esc(line.label)}">{esc(line.label)}</h3>')
            continue
        has_figures = line.kind != "stem" or bool(line.values)
        cells = ["", "", "", "", ""]
        if has_figures and not line.shown:
            cells = [NOT_SHOWN, NOT_SHOWN, NOT_SHOWN, "", ""]
        elif has_figures:
            now, before = line.value(current), line.value(previous)
            change, percent = _change(now, before)
            cells = [
                number(now),
                number(before),
                change,
                percent,
                sparkline([line.value(y) for y in ascending]),
            ]
        rows.append(
            f'<tr class="{line.kind}" data-ref="{esc(line.ref)}"><td class="ref">{esc(line.ref)}</td>'
            f"<td>{esc(line.label)}</td>"
            + "".join(f'<td class="n">{cell}</td>' for cell in cells[:4])
            + f"<td>{cells[4]}</td><td class=note>{esc(line.note)}</td></tr>"
        )
    flush()
    return "".join(parts)


def _matrix_section(long: pd.DataFrame) -> str:
    parts = []
    for matrix in matrices(long):
        headings = ["Reference", "Category", *[name for _, name in matrix.bands], "All ages"]
        rows = []
        for ref, label, cells, all_ages in matrix.rows:
            rows.append(
                f"<tr><td class=ref>{esc(ref)}</td><td>{esc(label)}</td>"
                + "".join(f"<td class=n>{number(v)}</td>" for v in [*cells, all_ages])
                + "</tr>"
            )
        rows.append(
            "<tr class=total><td></td><td>Sum of the categories</td>"
            + "".join(f"<td class=n>{number(v)}</td>" for v in [*matrix.band_totals, matrix.grand_total])
            + "</tr>"
        )
        rows.append(
            "<tr><td></td><td><i>All categories (the age parts' own figures)</i></td>"
            + "".join(f"<td class=n><i>{number(v)}</i></td>" for v in matrix.age_parts)
            + "</tr>"
        )
        parts.append(f"<h3>{esc(matrix.measure_code)} {esc(matrix.year)}: {esc(matrix.name)}</h3>")
        parts.append(_table(headings, rows, numeric=range(2, len(headings))))
    return "".join(parts) or "<p>No category-by-age matrices in this return.</p>"


def _figures_for_check(long: pd.DataFrame) -> pd.DataFrame:
    breakdown = long["breakdown"].fillna("").astype(str).str.lower()
    frame = long[breakdown.isin({"", "all", "total"})]
    return pd.DataFrame(
        {
            "collection_year": frame["collection_year"].astype(str),
            "measure_code": frame["measure_code"].astype(str),
            "part": frame["part"].fillna("").astype(str),
            "text": frame["value"].astype(str),
            "value": [None if pd.isna(v) else float(v) for v in frame["value"]],
        }
    )


def _relation_section(long: pd.DataFrame) -> tuple[str, str]:
    results = check_relations(_figures_for_check(long), load_relations())
    summary = summarise(results)
    failing = [result for result in results if result.status == "fail"]
    rows = []
    for result in failing:
        relation = result.relation
        left, right = relation.sides()
        strength = "must hold" if relation.strength == "must" else "expected"
        rows.append(
            f'<tr><td class=ref>{esc(relation.relation_id)}</td><td>{esc(result.collection_year)}</td>'
            f'<td class="{"fail" if relation.strength == "must" else "warn"}">{esc(strength)}</td>'
            f"<td>{esc(left)} = {number(result.value)}</td><td>{esc(relation.operator())}</td>"
            f"<td>{esc(right)} = {number(result.other_value)}</td>"
            f"<td class=note>{esc(relation.catalogue_measure)}: {esc(relation.catalogue_quote)}"
            f"<br><i>{esc(relation.reason)}</i></td></tr>"
        )
    must_css = "fail" if summary.failed_must else "pass"
    expected_css = "warn" if summary.failed_expected else "pass"
    body = (
        f"<p><b>{summary.checked:,}</b> relations checked across the years (src/pif/measure_relations.csv): "
        f'<span class="{must_css}">{summary.failed_must} must-hold failed</span>, '
        f'<span class="{expected_css}">{summary.failed_expected} expected failed</span>, '
        f"{summary.not_checked:,} not checked (a figure missing). The same check runs on any return: "
        "<code>pif check FILE</code>.</p>"
    )
    if rows:
        body += _table(["Relation", "Year", "Strength", "Figure", "", "Should be", "Catalogue"], rows)
    else:
        body += "<p class=pass>Every relation checked holds.</p>"
    return body, summary.line()


def _read_csv(path: Path) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _quality_section(run_dir: Path | None) -> str:
    if run_dir is None:
        return (
            "<p>No run folder: rejected rows and validation findings are in the run that made the return.</p>"
        )
    from pif.cli import reason_kind

    parts = []
    rejections = _read_csv(run_dir / "rejections.csv")
    if rejections is None:
        parts.append("<p>rejections.csv not found in the run folder.</p>")
    elif rejections.empty:
        parts.append("<p class=pass>No extract row was rejected.</p>")
    else:
        kinds = rejections.assign(reason=rejections["rejection_reason"].map(reason_kind))
        parts.append(
            f"<p><b>{len(rejections):,}</b> extract rows rejected "
            "(rejections.csv: file, row, record and reason).</p>"
        )
        top = kinds["reason"].value_counts().head(10)
        widest = int(top.iloc[0])
        rows = [
            f"<tr><td>{esc(reason)}</td><td class=n>{count:,}</td>"
            f'<td><span class=bar style="width:{max(2, int(count / widest * 220))}px"></span></td></tr>'
            for reason, count in top.items()
        ]
        parts.append(
            "<h3>Top reasons</h3>" + _table(["Reason (values blanked)", "Rows", ""], rows, numeric=(1,))
        )
        rows = []
        for (source_file, reason), group in kinds.groupby(["source_file", "reason"], sort=True):
            rows.append(
                f"<tr><td>{esc(source_file)}</td><td>{esc(reason)}</td><td class=n>{len(group):,}</td></tr>"
            )
        parts.append(
            "<h3>Rows rejected by file and reason</h3>"
            + _table(["File", "Reason", "Rows"], rows, numeric=(2,))
        )
    validation = _read_csv(run_dir / "validation_report.csv")
    if validation is not None and not validation.empty:
        counts = validation.groupby(["severity", "file", "check"]).size().reset_index(name="rows")
        rows = [
            f"<tr><td>{esc(r.severity)}</td><td>{esc(r.file)}</td><td>{esc(r.check)}</td>"
            f"<td class=n>{r.rows:,}</td></tr>"
            for r in counts.itertuples(index=False)
        ]
        parts.append(
            "<h3>Validation findings (validation_report.csv)</h3>"
            + _table(["Severity", "File", "Check", "Rows"], rows, numeric=(3,))
        )
    return "".join(parts)


def _coverage_section(lines: list[Line]) -> tuple[str, dict[str, int]]:
    figures = [line for line in lines if line.kind == "part" or (line.kind == "stem" and line.values)]
    measures = {line.measure_code for line in lines if line.kind == "stem"}
    counts = {
        "measures": len(measures),
        "figures": len(figures),
        "given": sum(line.shown for line in figures),
        "not implemented": sum(line.note == NOT_IMPLEMENTED for line in figures),
        "Welsh Government": sum(line.note.startswith(WELSH_GOVERNMENT) for line in figures),
        "not available": sum(line.note.startswith(NOT_AVAILABLE) for line in figures),
    }
    rows = [
        f"<tr><td>{esc(name)}</td><td class=n>{value:,}</td></tr>"
        for name, value in (
            ("Registry measures (Definitions Catalogue 2026-27)", counts["measures"]),
            ("Figures (measure parts) in the registry", counts["figures"]),
            ("Figures given", counts["given"]),
            ("Not implemented (shown -)", counts["not implemented"]),
            ("Filled in by Welsh Government (shown -, computed as a check)", counts["Welsh Government"]),
            ("Not available from this extract (shown -)", counts["not available"]),
        )
    ]
    return _table(["Coverage", "Count"], rows, numeric=(1,)), counts


def _vars_section(info: RunInfo) -> str:
    rows = []
    for name, value, default in vars_in_force(info):
        changed = value != default
        rows.append(
            f'<tr class="{"changed" if changed else ""}"><td><code>{esc(name)}</code></td>'
            f"<td>{esc(show_var(value))}</td><td>{esc(show_var(default)) if changed else 'default'}</td></tr>"
        )
    return (
        "<p>Every interpretation var in force (dbt_project.yml, the run's --vars on top); changed ones are "
        "highlighted. Each is explained in docs/interpretations.md.</p>"
        + _table(["Var", "Value in force", "Default"], rows)
    )


def _partial(years: list[str], info: RunInfo) -> str:
    warning = partial_year_warning(years, info)
    return f"<p class=internal>{esc(warning)}</p>" if warning else ""


def render(long: pd.DataFrame, info: RunInfo, run_dir: Path | None = None) -> str:
    """The whole report as one HTML document."""
    years = years_of(long)
    lines = return_lines(long)
    notes = notes_rows(info, years, None)
    coverage, counts = _coverage_section(lines)
    relations, relation_line = _relation_section(long)
    rejected = _read_csv(run_dir / "rejections.csv") if run_dir else None
    header = "".join(f"<p><b>{esc(item)}:</b> {esc(value)}</p>" for item, value in notes[:6])
    cards = [
        (f"{counts['given']:,} / {counts['figures']:,}", "figures given of the registry's"),
        (str(counts["measures"]), "measures, every one listed"),
        (relation_line.split(",")[1].strip(), f"relations ({relation_line.split(',')[0]})"),
        (f"{len(rejected):,}" if rejected is not None else "n/a", "extract rows rejected"),
    ]
    card_html = "".join(
        f"<div class=card><b>{esc(value)}</b><span>{esc(text)}</span></div>" for value, text in cards
    )
    sections = [
        (
            "summary",
            "Summary",
            f"<div class=cards>{card_html}</div>"
            "<p class=internal>INTERNAL: exact figures, no disclosure control. Publish only the files of "
            "<code>pif export --publish</code>.</p>",
        ),
        ("return", "The return by section", _partial(years, info) + _return_section(lines, years)),
        ("matrices", "Category by age", _matrix_section(long)),
        ("relations", "Relation check", relations),
        ("quality", "Data quality", _quality_section(run_dir)),
        ("coverage", "Coverage", coverage),
        ("vars", "Interpretation vars in force", _vars_section(info)),
        (
            "notes",
            "What made this return",
            _table(
                ["Item", "Value"], [f"<tr><td><b>{esc(i)}</b></td><td>{esc(v)}</td></tr>" for i, v in notes]
            ),
        ),
    ]
    nav = "".join(f'<a href="#{key}">{esc(title)}</a>' for key, title, _ in sections)
    body = "".join(
        f'<section id="{key}"><h2>{esc(title)}</h2>{content}</section>' for key, title, content in sections
    )
    who = info.authority_name or info.authority_code or "authority not named"
    title = f"PIF return {years[0] if years else ''}: {who}"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
        f"<style>{CSS}</style></head><body><header><h1>{esc(title)}</h1>{header}</header>"
        f"<main><nav>{nav}</nav>{body}</main></body></html>\n"
    )


def write_report(long: pd.DataFrame, path: Path, info: RunInfo, run_dir: Path | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(long, info, run_dir), encoding="utf-8")
    return path
