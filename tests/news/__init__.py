"""Tests of the news importer (hooks/atazan/importers/news/) and the news pages."""
