"""JSON Schema files for editors, exported from the pydantic models in `schema.py`.

The models stay the one source of truth: `atazan schema` writes `schema/*.schema.json` from
them, and `atazan schema --check` fails when the committed files have drifted. Data files name
their schema in a `# yaml-language-server: $schema=…` line, so VS Code and other editors that
use the YAML language server complete and check them as contributors type.

The JSON Schema is what a single file can be checked against; rules that need the whole
dataset (references between records, every language present in a text) stay in the validator.
"""

from __future__ import annotations

import json
import os
import re

from pydantic.json_schema import GenerateJsonSchema

from atazan import LANGUAGES
from atazan.dataset import schema
from atazan.fsutil import write_atomic

# File name (without .schema.json) per collection folder and per list file in data/.
COLLECTION_NAMES = {
    "provisions": "provision",
    "themes": "theme",
    "glossary": "glossary-term",
    "news": "news-item",
    "factchecks": "fact-check",
}
LIST_NAMES = {
    "versions.yml": "versions",
    "sections.yml": "sections",
    "timeline.yml": "timeline",
    "outlets.yml": "outlets",
    "terms.yml": "terms",
}
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_COMMENT = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")


def schema_file(name: str) -> str:
    return f"{name}.schema.json"


class _Generator(GenerateJsonSchema):
    # A validator function is invisible to JSON Schema; the one that demands every language
    # is common enough that editors should flag a missing language too.
    def function_after_schema(self, core_schema):
        body = super().function_after_schema(core_schema)
        if core_schema["function"].get("function") is schema._all_languages:
            body = {**body, "required": list(LANGUAGES)}
        return body


def _model_schema(model: type[schema.Record], **options) -> dict:
    # mode="validation": what a contributor may write (aliases such as `from`, dates as text).
    return model.model_json_schema(mode="validation", by_alias=True, schema_generator=_Generator, **options)


def _record_schema(model: type[schema.Record], title: str) -> dict:
    body = _model_schema(model)
    return {"$schema": SCHEMA_DIALECT, "title": title, **{k: v for k, v in body.items() if k != "title"}}


def _list_schema(model: type[schema.Record], title: str) -> dict:
    body = _model_schema(model, ref_template="#/$defs/{model}")
    defs = body.pop("$defs", {})
    defs[model.__name__] = body
    return {
        "$schema": SCHEMA_DIALECT,
        "title": title,
        "type": "array",
        "items": {"$ref": f"#/$defs/{model.__name__}"},
        "$defs": defs,
    }


def build_schemas() -> dict[str, dict]:
    """Every exported schema, keyed by file name."""
    out = {}
    for collection, model in schema.COLLECTIONS.items():
        name = COLLECTION_NAMES[collection]
        out[schema_file(name)] = _record_schema(model, f"Ata Zan {name} (one file in data/{collection}/)")
    for list_file, model in {**schema.LISTS, **schema.REFERENCE_LISTS}.items():
        name = LIST_NAMES[list_file]
        out[schema_file(name)] = _list_schema(model, f"Ata Zan data/{list_file}")
    return out


def dumps(body: dict) -> str:
    # Stable text, so a re-export of unchanged models is byte-identical and diffs stay readable.
    return json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(out_dir: str) -> list[str]:
    """Write every schema that changed; returns the files written."""
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for name, body in build_schemas().items():
        path = os.path.join(out_dir, name)
        text = dumps(body)
        if _read(path) != text:
            write_atomic(path, text)
            written.append(path)
    return written


def stale(out_dir: str) -> list[tuple[str, str]]:
    """(file, reason) for every schema file that is missing, outdated or no longer exported."""
    wanted = build_schemas()
    problems = []
    for name, body in wanted.items():
        current = _read(os.path.join(out_dir, name))
        if current is None:
            problems.append((name, "missing"))
        elif current != dumps(body):
            problems.append((name, "differs from hooks/atazan/dataset/schema.py"))
    if os.path.isdir(out_dir):
        for name in sorted(os.listdir(out_dir)):
            if name.endswith(".schema.json") and name not in wanted:
                problems.append((name, "no model exports it any more"))
    return problems


def expected_file(data_rel_path: str) -> str | None:
    """The schema file a data file (path relative to data/) should name, or None."""
    parts = data_rel_path.replace(os.sep, "/").split("/")
    if len(parts) == 1:
        name = LIST_NAMES.get(parts[0])
    else:
        name = COLLECTION_NAMES.get(parts[0])
    return schema_file(name) if name else None


def declared_schema(text: str) -> str | None:
    """The `$schema=` path named by a data file's yaml-language-server comment, if any."""
    for line in text.splitlines()[:5]:
        match = _COMMENT.match(line.strip())
        if match:
            return match.group(1)
    return None


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return None
