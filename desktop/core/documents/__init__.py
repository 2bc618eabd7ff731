"""The team's own documents: parsed, chunked along their structure, indexed twice (vectors and words)."""
