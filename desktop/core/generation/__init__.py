"""Local generation of cultural insights with the LLaMA-family model (docs/generation.md).

``catalog`` says what to ask, ``gates`` decides what may enter the store, ``runs`` keeps resumable progress in
SQLite and ``generator`` ties them together; :func:`run_generation` is the one call the CLI and the GUI use.
"""

from desktop.core.generation.generator import GenerationProgress, RunReport, run_generation
from desktop.core.generation.runs import generation_summary

__all__ = ["GenerationProgress", "RunReport", "generation_summary", "run_generation"]
