"""Read data files: safe YAML, `utf-8-sig`, and a map back to line numbers for messages."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import yaml

from atazan.errors import Problem


@dataclass
class LoadedFile:
    path: str  # as shown to contributors, e.g. data/provisions/ownership.yml
    data: Any
    node: yaml.Node | None

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """The 1-based line of the value at `loc`, or of its nearest existing parent."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else None
        for key in loc:
            child = _child(node, key)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


class _Loader(yaml.SafeLoader):
    """SafeLoader, except that an impossible date (2026-02-30) stays text for the schema to report."""


# libyaml's parser (when PyYAML was built with it) is several times faster than the pure-Python
# one and gives nodes with the same line marks. Its error messages are worded differently, so a
# file that fails to parse is parsed again by the pure-Python loader, whose messages we show.
_FastLoader: type | None = None
if getattr(yaml, "CSafeLoader", None) is not None:
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """_Loader on libyaml's parser."""


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    # PyYAML raises a bare ValueError here, which would reach the user as a traceback.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


for _loader_class in (_Loader, _FastLoader):
    if _loader_class is not None:
        _loader_class.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _child(node: yaml.Node | None, key: Any) -> yaml.Node | None:
    # Follows one step of a pydantic error location through the YAML node tree.
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
        if 0 <= key < len(node.value):
            return node.value[key]
    return None


def read_yaml(abs_path: str, shown_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse one YAML file; problems name the file and line instead of raising."""
    try:
        with open(abs_path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        return None, [Problem(shown_path, "", f"cannot read file: {error.strerror}")]
    try:
        # utf-8-sig accepts a byte-order mark that Windows editors add.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown_path, "", f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8", line)
        ]
    if _FastLoader is not None:
        try:
            return _parse(_FastLoader, text, shown_path)
        except yaml.YAMLError:
            pass  # parsed again below, for the pure-Python loader's wording of the problem
    try:
        return _parse(_Loader, text, shown_path)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = (error.problem or error.context or "invalid YAML").strip()
        if "\t" in text and "cannot start any token" in reason:
            reason = "a tab character; indent with spaces"
        return None, [Problem(shown_path, "", f"YAML syntax error: {reason}", line)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_path, "", f"YAML syntax error: {error}")]


def _parse(loader_class: type, text: str, shown_path: str) -> tuple[LoadedFile, list[Problem]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        problems = _duplicate_keys(node, shown_path)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return LoadedFile(shown_path, data, node), problems


def _duplicate_keys(node: yaml.Node | None, shown_path: str) -> list[Problem]:
    # PyYAML keeps the last of two equal keys and drops the first without a word.
    problems: list[Problem] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        problems.append(
                            Problem(shown_path, key_node.value, "duplicate key", key_node.start_mark.line + 1)
                        )
                    seen.add(key_node.value)
                stack.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return problems


def data_files(folder: str) -> list[str]:
    """The record files of one collection folder, sorted so output never depends on the disk."""
    if not os.path.isdir(folder):
        return []
    names = sorted(os.listdir(folder))
    return [os.path.join(folder, name) for name in names if not name.startswith((".", "_"))]
