"""Read data files: safe YAML, `utf-8-sig`, and a map back to line numbers for messages."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from atazan.dataset import messages, textrules
from atazan.dataset.textrules import BIDI_CONTROLS, MAX_FILE_BYTES  # noqa: F401 (imported from here elsewhere)
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
_FastLoader: type[yaml.SafeLoader] | None = None
if getattr(yaml, "CSafeLoader", None) is not None:
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """_Loader on libyaml's parser."""


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    # PyYAML raises a bare ValueError here, which would reach the user as a traceback.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _int(loader: Any, node: yaml.ScalarNode) -> Any:
    # Python refuses to turn more than 4,300 digits into an int (ValueError), a traceback otherwise.
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"a number of {len(node.value):,} digits; put it in quotes if it is text", node.start_mark) from None


for _loader_class in (_Loader, _FastLoader):
    if _loader_class is not None:
        _loader_class.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
        _loader_class.add_constructor("tag:yaml.org,2002:int", _int)


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




def read_yaml(abs_path: str, shown_path: str, root: str | None = None) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse one YAML file; problems name the file and line instead of raising. With `root`, a
    file that resolves outside that folder (through a symbolic link) is refused."""
    raw, problem = _read_regular_file(abs_path, shown_path, root)
    if problem is not None or raw is None:
        return None, [problem] if problem else []
    loaded, problems = _parsed(raw, shown_path)
    return loaded, list(problems)


# A live preview (atazan serve) loads the whole dataset again on every edit, and parsing is most of
# that (the Constitution's texts are the largest files): a file whose bytes are as last time is
# not parsed again. Keyed by the bytes themselves, read (and contained) anew every time, so an
# edit is never missed. A one-shot build reads each file once and gains nothing. The parsed data
# is shared between loads: no reader of it changes it in place.
@lru_cache(maxsize=4096)
def _parsed(raw: bytes, shown_path: str) -> tuple[LoadedFile | None, tuple[Problem, ...]]:
    loaded, problems = _parse_checked(raw, shown_path)
    return loaded, tuple(problems)


def _parse_checked(raw: bytes, shown_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    try:
        # utf-8-sig accepts a byte-order mark that Windows editors add.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown_path, "", f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8", line)
        ]
    # Checked in the raw text (for its line and column) and again by the schema's checks on the
    # decoded values: YAML escapes ("\x01", "\uFFFE") only become the characters when decoded.
    bad = textrules.character_problem(text)
    if bad is not None:
        return None, [Problem(shown_path, "", bad.message, bad.line_and_column(text)[0])]
    deep = _nesting_problem(text, shown_path)
    if deep is not None:
        return None, [deep]
    fast_error: yaml.YAMLError | None = None
    if _FastLoader is not None:
        try:
            return _decoded_checked(*_parse(_FastLoader, text, shown_path))
        except yaml.YAMLError as error:
            fast_error = error  # parsed again below, for the pure-Python loader's wording of the problem
    try:
        return _decoded_checked(*_parse(_Loader, text, shown_path))
    except ValueError:
        # The pure-Python loader can fail where libyaml said why: an escape past U+10FFFF
        # ("\U00110000") makes it call chr() on no character.
        mark = getattr(fast_error, "problem_mark", None)
        reason = (getattr(fast_error, "problem", None) or "an escape for a character that does not exist").strip()
        return None, [Problem(shown_path, "", f"YAML syntax error: {reason}", mark.line + 1 if mark else None)]
    except _AliasRefused as error:
        return None, [Problem(shown_path, "", str(error), error.mark.line + 1 if error.mark else None)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = mark.line + 1 if mark else None
        reason = (error.problem or error.context or "invalid YAML").strip()
        if "\t" in text and "cannot start any token" in reason:
            reason = "a tab character; indent with spaces"
        return None, [Problem(shown_path, "", f"YAML syntax error: {reason}", at)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_path, "", f"YAML syntax error: {error}")]


def _decoded_checked(loaded: LoadedFile, problems: list[Problem]) -> tuple[LoadedFile | None, list[Problem]]:
    # The same rules on every string as the parser decoded it: an escape ("\x01", "\uFFFE")
    # passes the raw check above and would otherwise reach lxml or the feed writer, which refuse it
    # with a traceback. A file with such a string is refused whole, as one with the raw character is.
    # A `!!binary` value is bytes, which pydantic would take as text unchecked: refused too.
    found = sorted(((loaded.line_of(loc) or 0, _printable(messages.field_path(loc)), problem.message)
                    for loc, problem in [*textrules.value_problems(loaded.data), *_binary_values(loaded.data)]),
                   key=lambda item: item[0])
    if not found:
        return loaded, problems
    return None, problems + [Problem(loaded.path, field, message, line or None) for line, field, message in found]


def _binary_values(value: Any) -> list[tuple[tuple[Any, ...], textrules.TextProblem]]:
    found = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, bytes):
            found.append((where, textrules.TextProblem(0, "a binary value (!!binary); data files hold text: write it out")))
        elif isinstance(current, dict):
            for key, item in current.items():
                if isinstance(key, bytes):
                    found.append((where, textrules.TextProblem(0, "a binary key (!!binary); write it as text")))
                stack.append((where + (key if isinstance(key, (str, int)) else str(key),), item))
        elif isinstance(current, list):
            stack.extend((where + (i,), item) for i, item in enumerate(current))
    return found


# Data files nest a few levels (a text: articles, paragraphs, subparagraphs). libyaml composes
# nested nodes by recursion in C: some thirty thousand levels of "[" in a 60 KB file crash the
# process (SIGSEGV) before any message, and the pure-Python loader ends in RecursionError.
MAX_NESTING = 50


def _nesting_problem(text: str, shown_path: str) -> Problem | None:
    """Counted on the parser's events, which come one by one without recursion."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastLoader or _Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    return Problem(shown_path, "", f"nested more than {MAX_NESTING} levels deep; a data file needs a few",
                                   event.start_mark.line + 1 if event.start_mark else None)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: the parse below reports it (never deeper than seen here)
    return None


def _printable(field: str) -> str:
    # A key can hold the bad character itself; the message names it without printing it.
    return textrules.FORBIDDEN.sub(lambda m: f"\\u{ord(m.group(0)):04X}", field)


def _read_regular_file(abs_path: str, shown_path: str, root: str | None) -> tuple[bytes | None, Problem | None]:
    # Only regular files inside the project: a FIFO named *.yml would block open() forever, a
    # device would never end, and a link out of the repository would publish whatever it points at.
    if os.path.islink(abs_path) and not os.path.exists(abs_path):
        return None, Problem(shown_path, "", f"broken symbolic link (to {os.readlink(abs_path)}); remove it or fix its target")
    if root is not None:
        real, real_root = os.path.realpath(abs_path), os.path.realpath(root)
        if os.path.commonpath([real, real_root]) != real_root:
            return None, Problem(shown_path, "", f"symbolic link to {real}, outside the repository; copy the file in instead")
    try:
        # O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
        descriptor = os.open(abs_path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        return None, Problem(shown_path, "", f"cannot read file: {error.strerror}")
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe" if stat.S_ISFIFO(info.st_mode) else "not a plain file"
            return None, Problem(shown_path, "", f"{kind}, not a regular file; records are plain .yml files")
        if info.st_size > MAX_FILE_BYTES:
            return None, Problem(shown_path, "", f"file too large ({info.st_size} bytes; at most {MAX_FILE_BYTES})")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(MAX_FILE_BYTES + 1), None
    except OSError as error:
        return None, Problem(shown_path, "", f"cannot read file: {error.strerror}")
    finally:
        os.close(descriptor)


class _AliasRefused(yaml.YAMLError):
    """A YAML alias (*name): refused, since a few nested aliases expand to billions of nodes."""

    def __init__(self, mark: yaml.Mark | None):
        super().__init__("YAML aliases (*name) are not allowed in data files; write the value out")
        self.mark = mark


def _refuse_aliases_on_compose(loader: Any, *args: Any) -> yaml.Node:
    if loader.check_event(yaml.AliasEvent):
        raise _AliasRefused(loader.peek_event().start_mark)
    node: yaml.Node = yaml.composer.Composer.compose_node(loader, *args)  # type: ignore[assignment]  # None only past the end
    return node


_Loader.compose_node = _refuse_aliases_on_compose  # type: ignore[method-assign,assignment]


def _has_alias(node: yaml.Node | None) -> bool:
    # An alias makes one node reachable twice; libyaml's composer gives no event to refuse it on.
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            return True
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                stack += [key_node, value_node]
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return False


def _parse(loader_class: type, text: str, shown_path: str) -> tuple[LoadedFile, list[Problem]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if _has_alias(node):
            raise _AliasRefused(None)  # the pure-Python loader, run next, finds its line
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
                    if key_node.tag == "tag:yaml.org,2002:merge":
                        # `<<: {title: …}` adds keys nobody wrote out, and drops the ones the record
                        # itself gives without a word: a value the page shows that the file hides.
                        problems.append(Problem(shown_path, "<<", "a YAML merge key mixes in keys written elsewhere "
                                                "(and silently loses those it repeats); write the keys out",
                                                key_node.start_mark.line + 1))
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
