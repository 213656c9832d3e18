"""The dataset: schema, loading, cross-record checks, translation fingerprints."""
