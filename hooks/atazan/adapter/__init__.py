"""The MkDocs side of a build: what hooks/atazan_hook.py's events do, written against MkDocs'
objects. Only this package and the hook import MkDocs; dataset/ and website/ never do."""
