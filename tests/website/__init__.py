"""Tests of the site free of MkDocs (hooks/atazan/website/): routes, plan, rendering, page kinds, generated files."""
