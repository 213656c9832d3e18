"""Tests of the text importer (hooks/atazan/importers/text/), the texts in the dataset and their pages."""
