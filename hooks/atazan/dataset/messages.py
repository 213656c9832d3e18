"""How a schema problem is said to a contributor: the field's path as written in the file
(`versions[1].date`) and one plain sentence for each kind of pydantic error. One wording for
every record and text file (validate.py, texts.py)."""

from __future__ import annotations

import types
import typing
from typing import Any, Mapping

from pydantic import BaseModel

from atazan.dataset import schema


def field_path(loc: tuple) -> str:
    """`('versions', 1, 'date')` -> `versions[1].date`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


TYPE_NAMES = {"str": "text", "int": "a whole number", "list": "a list", "dict": "a mapping", "bool": "true or false",
               "NoneType": "nothing", "date": "a date", "float": "a number"}


def message(item: Mapping[str, Any], model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    kind, given, ctx = item["type"], item.get("input"), item.get("ctx") or {}
    got = TYPE_NAMES.get(type(given).__name__, type(given).__name__)
    if kind == "missing":
        return "required field missing"
    if kind == "extra_forbidden":
        if " " in str(loc[-1]):
            return "unknown key; a text that contains a comma must be put in quotes"
        allowed = allowed_keys(model, loc[:-1])
        return f"unknown key; expected one of: {', '.join(allowed)}" if allowed else "unknown key"
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {given!r}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == schema.SLUG_PATTERN:
            return f"expected an id like 'land-ownership' (lowercase letters, digits, hyphens), got {given!r}"
        if ctx.get("pattern") == schema.URL_PATTERN:
            return schema.url_problem(str(given)) or f"unexpected format {given!r}"
        if ctx.get("pattern") == f"^{schema.REGISTRY_PATTERN}$":
            return (f"expected a registry code like K2600000000 (a capital letter, then capital letters, digits or _; "
                    f"5 to 20 in all), got {given!r}")
        return f"unexpected format {given!r}"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    if kind == "string_type":
        return f"expected text, got {got}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {given!r}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {got}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of keys to values, got {got}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"out of range: {given!r}"
    return item["msg"]


def allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    # Walks the schema along the error location to list the keys a contributor may use.
    current: Any = model
    for part in loc:
        current = strip_annotation(current)
        origin = typing.get_origin(current)
        if origin in (list, dict):  # a list index or a mapping key: step into the items
            current = typing.get_args(current)[-1]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part) or next(
                (f for f in current.model_fields.values() if f.alias == part), None)
            if info is None:
                return []
            current = info.annotation
        else:
            return []
    current = strip_annotation(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def strip_annotation(annotation: Any) -> Any:
    # Annotated[X, ...] and Optional[X] both lead to X.
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
