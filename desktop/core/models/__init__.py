"""GGUF model files: reading their metadata, the registry of bundled and user models, fetching the bundled one."""
