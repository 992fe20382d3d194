"""Every measure model's docs carry the catalogue's own wording of the measure and the project's
interpretations of it, and its meta the catalogue section and reference (pif.catalogue_docs)."""

from __future__ import annotations

from pif.catalogue_docs import (
    CATALOGUE,
    interpretations_for,
    measure_models,
    parse_catalogue,
    parse_interpretations,
    problems,
    render_docs,
    update_yaml,
)
from pif.contract import project_root

ROOT = project_root()


def test_every_measure_model_carries_the_catalogue_wording_and_meta() -> None:
    found = problems()
    assert found == [], "\n".join(found) + "\nfix: python -m pif.catalogue_docs"


def test_a_measure_model_without_its_catalogue_block_or_meta_is_caught() -> None:
    model, yaml_path = next(iter(measure_models(ROOT).items()))
    text = yaml_path.read_text(encoding="utf-8")
    stripped = text.replace(f'      {{{{ doc("catalogue_{model}") }}}}\n', "", 1)
    assert stripped != text
    definitions = parse_catalogue((ROOT / CATALOGUE).resolve())
    code = model.split("_")[0].upper() + "/" + model.split("_", 1)[1]
    assert update_yaml(stripped, model, definitions[code]) != stripped, "the check would report it"
    without_meta = text.replace("        catalogue_section:", "        other_key:", 1)
    assert update_yaml(without_meta, model, definitions[code]) != without_meta


def test_the_catalogue_wording_is_the_catalogues() -> None:
    catalogue = parse_catalogue((ROOT / CATALOGUE).resolve())
    ch_004 = catalogue["CH/004"][0]
    assert ch_004.name.startswith("The number of contacts received by statutory children")
    assert "e. Health" in ch_004.parts and "derived from CH/001" in ch_004.definition
    assert ch_004.section == "Children's Contacts" and "Measure Reference: CH/004" in ch_004.reference
    assert [measure.heading for measure in catalogue["CH/023"]] == [
        "Measure Reference: CH/023 (a-i)",
        "Measure Reference: CH/023 (j-k)",
    ]
    # CA/008 is printed without its own Measure Reference heading, after CA/007.
    ca_008 = catalogue["CA/008"][0]
    assert (
        ca_008.section == "Adult Carer Support Plans"
        and "support plans for adult carers" in ca_008.definition
    )
    assert len(ca_008.parts) == 2


def test_interpretations_are_found_for_codes_ranges_and_parts() -> None:
    rows = parse_interpretations(ROOT / "docs" / "interpretations.md")
    measures = {
        code: [row.measures for row in interpretations_for(code, rows)] for code in ("CH/037b", "CH/017")
    }
    assert "CH/037a-b" in measures["CH/037b"]
    assert "CH/015-CH/019" in measures["CH/017"] and "CH/017 b" in measures["CH/017"]
    assert "CH/037a" not in measures["CH/037b"], "CH/037a's own rows are not CH/037b's"


def test_every_docs_block_names_its_measure() -> None:
    rendered, per_model = render_docs(ROOT)
    assert len(per_model) >= 124
    for model, definitions in per_model.items():
        assert f"{{% docs catalogue_{model} %}}" in rendered
        assert definitions and all(measure.name and measure.definition for measure in definitions), model
