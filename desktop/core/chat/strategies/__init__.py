"""The hybrid strategies (one module each; why: docs/design.md, how to add one: docs/architecture.md).
See base.py for the contract."""
