"""Tests of the dataset's lifecycle (hooks/atazan/dataset/): loading, validation, correspondence, explanations, translations."""
