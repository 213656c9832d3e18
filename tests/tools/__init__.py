"""Tests of command-line tools (hooks/atazan/tools/): the atazan command, the bench, schema export."""
