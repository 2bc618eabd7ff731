"""GGUF model files: reading their metadata, the registry of bundled and user models, fetching the bundled one,
the catalog of recommended bigger models and downloading them from the Hugging Face hub."""
