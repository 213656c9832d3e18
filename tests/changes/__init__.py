"""Tests of what changed between versions: the correspondence matched over imported fixtures, what-changed pages, comparisons and feeds."""
