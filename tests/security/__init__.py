"""Tests of the attack surface: escaping in every context, CSP, hostile data and files, atomic writes, costs an attacker controls."""
