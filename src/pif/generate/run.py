"""Run the generator: split the population into chunks, simulate each area, stream to the writer."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from pif.contract import load_contract
from pif.generate.adults import generate_adults
from pif.generate.children import generate_children
from pif.generate.model import (
    PRESETS,
    AreaModule,
    Chunk,
    DefectRates,
    GeneratorConfig,
    Preset,
    concat_frames,
)
from pif.generate.writer import ExtractWriter

DEFAULT_OUT = Path("extracts") / "generated"


@dataclass
class GenerateResult:
    out_dir: Path
    population: int
    chunks: int
    rows: dict[str, int]
    areas: list[str]
    seconds: float
    skipped_areas: dict[str, str] = field(default_factory=dict)


def area_modules() -> tuple[dict[str, AreaModule], dict[str, str]]:
    """The area modules, each simulating its own people's journeys (no area is ever skipped)."""
    return {"children": generate_children, "adults": generate_adults}, {}


def chunks(config: GeneratorConfig) -> Iterator[Chunk]:
    """Equal slices of the population (the last one smaller), each with its own id prefix."""
    total = config.preset.population
    count = max(1, math.ceil(total / config.chunk_population))
    size = math.ceil(total / count)
    for index in range(count):
        population = min(size, total - index * size)
        yield Chunk(index=index, seed=config.seed, population=population, id_prefix=f"G{index}-")


def generate(
    preset: str = "mid",
    population: int | None = None,
    seed: int = GeneratorConfig.__dataclass_fields__["seed"].default,
    out_dir: Path = DEFAULT_OUT,
    defects: bool | DefectRates = True,
    chunk_population: int | None = None,
    areas: dict[str, AreaModule] | None = None,
    progress: bool = True,
) -> GenerateResult:
    """Generate a synthetic extract into `out_dir` (overwriting its contract files and defects.json)."""
    started = time.perf_counter()
    base = PRESETS[preset]
    chosen = Preset(
        base.name if population is None else "custom", population or base.population, base.description
    )
    rates = defects if isinstance(defects, DefectRates) else (DefectRates() if defects else None)
    config = GeneratorConfig(preset=chosen, seed=seed, defects=rates or DefectRates())
    if chunk_population:
        config.chunk_population = chunk_population
    skipped: dict[str, str] = {}
    if areas is None:
        areas, skipped = area_modules()
    contract = load_contract()
    writer = ExtractWriter(Path(out_dir), contract, seed, rates)
    chunk_list = list(chunks(config))
    with tqdm(
        total=chosen.population, unit=" people", unit_scale=True, disable=not progress, desc="generate"
    ) as bar:
        for chunk in chunk_list:
            frames = concat_frames([module(chunk) for module in areas.values()])
            writer.write_chunk(frames, chunk.index)
            bar.update(chunk.population)
    writer.close(
        {
            "preset": chosen.name,
            "population": chosen.population,
            "chunks": len(chunk_list),
            "areas": list(areas),
        }
    )
    return GenerateResult(
        out_dir=Path(out_dir),
        population=chosen.population,
        chunks=len(chunk_list),
        rows={contract.table(name).file: rows for name, rows in writer.rows.items()},
        areas=list(areas),
        seconds=time.perf_counter() - started,
        skipped_areas=skipped,
    )
