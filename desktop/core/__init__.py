"""The core: routing, strategies, models, knowledge store, generation. No Qt import allowed here
(tests/unit/core/test_no_qt.py enforces it), so the CLI, scripts and the GUI share one brain."""
