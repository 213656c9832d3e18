"""Tests of wording in kk, ru and en across the built site: termbase, language of each page, source labels."""
