"""No Jinja comment breaks the dbt docs' Source tab (an odd number of straight apostrophes in a
`{# ... #}` comment turns the rest of the highlighted source into one string)."""

from __future__ import annotations

from pathlib import Path

from pif.contract import project_root
from pif.jinja_comments import fix_text, sql_files, unbalanced


def test_no_model_macro_or_test_has_an_unbalanced_apostrophe_in_a_jinja_comment() -> None:
    root = project_root()
    files = sql_files(root)
    assert len(files) > 300, "models, macros and tests are all read"
    findings = [str(finding) for path in files for finding in unbalanced(path, root)]
    assert findings == [], "\n".join(findings) + "\nfix: python -m pif.jinja_comments --fix"


def test_an_unbalanced_comment_is_found_and_quoted_values_are_not(tmp_path: Path) -> None:
    model = tmp_path / "model.sql"
    model.write_text(
        "{#- the child's plan -#}\nselect 1\n{# first 'S' episode, var('x') #}\n{# carers' needs #}\n",
        encoding="utf-8",
    )
    assert [finding.line for finding in unbalanced(model)] == [1, 4]


def test_fix_keeps_quoted_values_and_sql() -> None:
    text = "{# the child's 'S' episode; carers' needs; AD/020's; var('months') #}\nselect 'it''s'\n"
    fixed = fix_text(text)
    expected = "{# the child\u2019s 'S' episode; carers\u2019 needs; AD/020\u2019s; var('months') #}"
    assert fixed == expected + "\nselect 'it''s'\n"
    assert fix_text("{# 'S' and 'E10' #}") == "{# 'S' and 'E10' #}", "a balanced comment is left alone"
