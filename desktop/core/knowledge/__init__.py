"""The cultural knowledge base: insight records, embeddings, the Chroma store, retrieval, detectors."""
