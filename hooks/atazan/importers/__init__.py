"""Importers that bring outside material into data/: news dumps (news/)."""
