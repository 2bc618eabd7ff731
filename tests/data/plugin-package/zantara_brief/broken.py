"""A strategy module that fails on import, as a plugin with a missing dependency would."""

raise ImportError("zantara_brief.broken needs a package that is not installed")
