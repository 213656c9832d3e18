"""Tests of the built site as readers meet it: links online and offline, page sanity, accessibility, HTML validity, print, no third-party requests, language switching."""
