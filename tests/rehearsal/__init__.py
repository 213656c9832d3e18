"""The full-scale rehearsal: an invented test constitution imported, matched and curated, and the whole site built from it."""
