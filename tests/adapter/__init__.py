"""Tests of the MkDocs side (hooks/atazan/adapter/ and the hook): strict builds, validate = build, live preview, bad input."""
