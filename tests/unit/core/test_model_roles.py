"""Each role (offline answers, live notes, insights) names its own local model; empty falls back."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.hub_server import make_gguf

from desktop.core.errors import SettingsError
from desktop.core.models.registry import ModelRegistry
from desktop.core.services import Services
from desktop.core.settings import Settings


def test_empty_role_falls_back_to_the_chosen_then_default_model() -> None:
    s = Settings(local_model="chosen", model_insights="big")
    assert s.model_for_role("insights") == "big"
    assert s.model_for_role("live_notes") == "chosen"
    assert Settings().model_for_role("offline_answers") == ""
    with pytest.raises(SettingsError, match="Choose one of: offline_answers, live_notes, insights"):
        s.model_for_role("poetry")


def test_services_resolve_each_role_to_its_file(tmp_path: Path, bundled_model_path: Path) -> None:
    notes = tmp_path / "Notes-Model.gguf"
    make_gguf(notes, 4096)
    ModelRegistry().add(notes, name="notes-model")
    settings = Settings(model_live_notes="notes-model")
    settings.save()
    services = Services(Settings.load())
    assert services.model_for("live_notes").path == notes.resolve()
    assert services.model_for("offline_answers") is services.local_model
    assert services.local_model.path.resolve() == bundled_model_path.resolve()
    assert not services.model_for("live_notes").loaded  # resolving never loads
