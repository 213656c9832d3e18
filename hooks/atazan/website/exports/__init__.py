"""What a build writes beside its pages: the open-data JSON, the Akoma Ntoso XML, the news feeds,
and the per-language search indexes (from the files MkDocs wrote). No MkDocs imports."""
