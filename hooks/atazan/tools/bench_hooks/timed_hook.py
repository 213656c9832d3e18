"""Copied by atazan bench into the instrumented project copy as hooks/atazan_hook_times.py: hooks/atazan_hook.py, with the CPU time of each event added up."""
import atexit
import functools
import importlib.util
import json
import os
import time

_started = time.process_time()
_spec = importlib.util.spec_from_file_location("atazan_hook", os.path.join(os.path.dirname(os.path.abspath(__file__)), "atazan_hook.py"))
assert _spec is not None and _spec.loader is not None  # the hook file sits beside this one
_hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hook)
TIMES = {"import": time.process_time() - _started}


from mkdocs.plugins import CombinedEvent


def _timed(event, handler):
    @functools.wraps(handler)  # keeps mkdocs_priority (event_priority)
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return handler(*args, **kwargs)
        finally:
            TIMES[event] = TIMES.get(event, 0.0) + time.process_time() - started
    return timed


for _name in dir(_hook):
    _handler = getattr(_hook, _name)
    if not _name.startswith("on_"):
        continue
    if isinstance(_handler, CombinedEvent):  # several handlers at their own priorities, one event
        globals()[_name] = CombinedEvent(*(_timed(_name, method) for method in _handler.methods))
    elif callable(_handler):
        globals()[_name] = _timed(_name, _handler)


@atexit.register
def _write():
    with open(os.environ["ATAZAN_HOOK_TIMES"], "w", encoding="utf-8") as handle:
        json.dump(TIMES, handle)
