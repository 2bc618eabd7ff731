"""`zantara local PROMPT`: talk to the local model directly (no Claude, no knowledge), streaming."""

from __future__ import annotations

import sys

import click

from desktop.cli.output import json_option, print_json
from desktop.core.llm.base import Message
from desktop.core.services import Services


def register(cli: click.Group) -> None:
    @cli.command("local")
    @click.argument("prompt")
    @click.option("--system", default="", help="System prompt.")
    @click.option("--max-tokens", default=256, show_default=True)
    @click.option("--temperature", default=0.7, show_default=True)
    @click.option("--model", "model_name", default="", help="Registry name (default: the selected model).")
    @json_option
    def local(
        prompt: str, system: str, max_tokens: int, temperature: float, model_name: str, as_json: bool
    ) -> None:
        """Stream an answer from the local LLaMA-family model."""
        services = Services()
        if model_name:
            services.settings.local_model = model_name
        model = services.local_model
        chunks = []
        for chunk in model.stream(
            [Message("user", prompt)], system=system, max_tokens=max_tokens, temperature=temperature
        ):
            chunks.append(chunk)
            if not as_json:
                sys.stdout.write(chunk)
                sys.stdout.flush()
        if as_json:
            print_json({"model": model.name, "text": "".join(chunks), "stats": model.last_stats})
        else:
            sys.stdout.write("\n")
