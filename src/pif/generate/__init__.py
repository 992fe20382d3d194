"""The synthetic local authority: realistic WCCIS-like extracts at any scale (docs/synthetic-data.md)."""

from pif.generate.run import GenerateResult, generate

__all__ = ["GenerateResult", "generate"]
