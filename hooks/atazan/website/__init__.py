"""The site: page models, renderers, languages, writing pages, exports (open data, feeds, search)."""
