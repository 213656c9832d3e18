"""Tests of the project itself: types, tests that can fail, CI workflows."""
