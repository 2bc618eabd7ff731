"""Language detection in a forked helper (CLI cold start): the same answers as in-process detection, and any
failure of the helper (a wrong answer, an error, no answer in time) falls back to detecting in-process.

Forking is only done by a process with a single OS thread, which the pytest process is not (numpy's BLAS
pool), so each case runs in a fresh interpreter, as the `zantara` command does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from typing import Any

import pytest

from desktop.core.knowledge import language
from desktop.core.knowledge.language_ahead import POLICY_ENV, PendingLanguage

TEXTS = [
    "jam karet",  # no marker word: lingua decides
    "aku malu bertanya tentang visa",
    "il mio socio dice sempre di sì ma poi non succede niente",
    "will the immigration office be open during Galungan?",
    "ok",
    "12345 !!",  # no words: the default, no child
]


def in_new_process(code: str, policy: str = "") -> Any:
    """Run ``code`` in a fresh interpreter (``policy``: ZANTARA_LANGUAGE_HELPER)."""
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, POLICY_ENV: policy},
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # forks the helper on many messages (10 s)
def test_the_helper_answers_what_in_process_detection_answers() -> None:
    got = in_new_process(
        f"""
        import json, sys
        from desktop.core.knowledge.language_ahead import PendingLanguage
        pending = [PendingLanguage(t) for t in {TEXTS!r}]
        answers = [[p.forked, p.result()] for p in pending]
        print(json.dumps({{"answers": answers, "loaded": sorted({{"wordfreq", "lingua"}} & set(sys.modules))}}))
        """
    )
    assert [a[1] for a in got["answers"]] == [language.detect_language(t) for t in TEXTS]
    assert [a[0] for a in got["answers"]] == [True] * 5 + [False]
    assert got["loaded"] == []  # the detector was loaded in the children only


def test_a_helper_that_fails_or_answers_nonsense_or_hangs_is_replaced_by_in_process_detection() -> None:
    got = in_new_process(
        """
        import json, os
        from desktop.core.knowledge.language_ahead import PendingLanguage

        class Nonsense(PendingLanguage):
            def _detect(self):
                return "xx"

        class Failing(PendingLanguage):
            def _detect(self):
                raise RuntimeError("broken")

        class Hanging(PendingLanguage):
            answer_timeout_s = 0.5
            def _detect(self):
                read_fd, _write_fd = os.pipe()
                os.read(read_fd, 1)  # never written: blocks until killed

        pending = [kind("aku malu bertanya tentang visa") for kind in (Nonsense, Failing, Hanging)]
        print(json.dumps([[p.forked, p.result()] for p in pending]))
        """
    )
    assert got == [[True, "id"]] * 3


def test_no_child_in_a_process_with_threads() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        pending = PendingLanguage("jam karet")
    finally:
        release.set()
        other.join()
    assert not pending.forked
    assert pending.result() == language.detect_language("jam karet")


def test_the_helper_can_be_turned_off() -> None:
    got = in_new_process(
        """
        import json
        from desktop.core.knowledge.language_ahead import PendingLanguage
        pending = PendingLanguage("jam karet")
        print(json.dumps([pending.forked, pending.result()]))
        """,
        policy="off",
    )
    assert got == [False, language.detect_language("jam karet")]
