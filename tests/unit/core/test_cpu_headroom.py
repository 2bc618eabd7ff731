"""cpu_headroom: the free-core count that decides how many threads a short parallel job may use."""

from __future__ import annotations

from pathlib import Path

from desktop.core import cpu_headroom


def _stat(tmp_path: Path, running: int) -> str:
    path = tmp_path / "stat"
    path.write_text(f"cpu  1 2 3 4\nctxt 99\nprocs_running {running}\nprocs_blocked 0\n", encoding="utf-8")
    return str(path)


def test_only_the_caller_running_leaves_every_usable_cpu(tmp_path: Path) -> None:
    assert cpu_headroom.runnable_others(_stat(tmp_path, 1)) == 0
    assert cpu_headroom.free_cpus(_stat(tmp_path, 1)) == cpu_headroom.usable_cpus()


def test_other_running_tasks_take_cores_away_but_never_the_last_one(tmp_path: Path) -> None:
    usable = cpu_headroom.usable_cpus()
    assert cpu_headroom.runnable_others(_stat(tmp_path, 3)) == 2
    assert cpu_headroom.free_cpus(_stat(tmp_path, 2)) == max(1, usable - 1)
    assert cpu_headroom.free_cpus(_stat(tmp_path, 500)) == 1


def test_without_the_kernel_count_it_falls_back_to_the_load_average(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-stat")
    others = cpu_headroom.runnable_others(missing)
    assert others is None or others >= 0
    assert 1 <= cpu_headroom.free_cpus(missing) <= cpu_headroom.usable_cpus()
    garbled = tmp_path / "garbled"
    garbled.write_text("procs_running many\n", encoding="utf-8")
    assert 1 <= cpu_headroom.free_cpus(str(garbled)) <= cpu_headroom.usable_cpus()


def test_this_machine_reports_a_sane_count() -> None:
    assert 1 <= cpu_headroom.free_cpus() <= cpu_headroom.usable_cpus()
