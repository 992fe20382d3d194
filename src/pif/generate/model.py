"""The generator's shared vocabulary: presets, chunks and the frames each area module returns.

The synthetic local authority is generated in chunks of people (so all-Wales fits in memory and
streams to files). Each area module (children.py, adults.py) simulates the journeys of its own
people through services for one chunk and returns, per contract table, a DataFrame of rows:

- columns named exactly as the source contract (models/staging/wccis/_wccis__sources*.yml), any
  subset (missing columns are written empty);
- values typed: dates as datetime64[ns] (NaT = empty), flags as bool or pandas boolean (NA = empty),
  codes as the local code strings in seeds/code_map.csv, identifiers as strings;
- identifiers unique across the whole extract: build them from `chunk.id_prefix` (e.g. "C3-000123").

The writer (writer.py) formats values as a WCCIS export would (DD/MM/YYYY, Y/N), injects the
configured defects and appends each table to its CSV file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

Frames = dict[str, pd.DataFrame]

# The simulated history: six collection years (2021-22 .. 2026-27) plus earlier open records.
HISTORY_START = date(2018, 4, 1)
EXTRACT_DATE = date(2026, 11, 20)  # the day the extract is taken: nothing happens after it


@dataclass(frozen=True)
class Preset:
    """A named size of local authority."""

    name: str
    population: int
    description: str


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset("tiny", 6_000, "for tests: a tenth of the smallest authority"),
        Preset("small", 60_000, "the smallest Welsh authority (about 60,000 people)"),
        Preset("mid", 150_000, "a mid-sized Welsh authority (the demo)"),
        Preset("large", 370_000, "the largest Welsh authority (about 370,000 people)"),
        Preset("wales", 3_200_000, "all of Wales as one dataset (about 3.2 million people)"),
    )
}


@dataclass(frozen=True)
class DefectRates:
    """Share of rows given each realistic defect (applied per table by the writer)."""

    recorded_in_error: float = 0.01  # flag the row recorded in error (a domain error, counted correctly)
    duplicate_row: float = 0.002  # repeat a row exactly (staging rejects the repeat)
    missing_required: float = 0.001  # blank a required, non-key value
    unknown_code: float = 0.001  # a code not in the code map
    impossible_date: float = 0.001  # e.g. 31/02/2025
    reversed_dates: float = 0.001  # swap a date_order pair
    code_variation: float = 0.05  # lower-case or padded codes (valid: staging cleans them)


@dataclass(frozen=True)
class Chunk:
    """One slice of the population, generated independently and deterministically."""

    index: int
    seed: int
    population: int  # people of all ages living in the slice
    id_prefix: str  # prefix for every identifier generated in this chunk

    def rng(self, area: str) -> np.random.Generator:
        """A generator for one area module, independent of the other modules and chunks."""
        return np.random.default_rng([self.seed, self.index, sum(area.encode())])


@dataclass
class GeneratorConfig:
    preset: Preset
    seed: int = 20261122
    chunk_population: int = 200_000
    defects: DefectRates = field(default_factory=DefectRates)


AreaModule = Callable[[Chunk], Frames]


def concat_frames(parts: list[Frames]) -> Frames:
    """Merge several modules' frames table by table."""
    merged: dict[str, list[pd.DataFrame]] = {}
    for frames in parts:
        for table, frame in frames.items():
            merged.setdefault(table, []).append(frame)
    return {table: pd.concat(frames, ignore_index=True) for table, frames in merged.items()}
