from support.documents import doc_index  # noqa: F401  (pytest fixture)
