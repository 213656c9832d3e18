"""Command-line tools: atazan (cli), schema export, benchmark. The build imports none of these."""
