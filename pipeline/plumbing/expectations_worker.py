"""A process that runs Great Expectations suites for ``expectations.Expectations``: it imports
GX and makes its context as soon as it starts, then answers requests on stdin, one at a time,
until stdin closes. A request is the pickled arguments of ``check_runner.validate_frame``; the
answer is the pickled ``(True, outcome)`` or ``(False, error)``, each framed as in
``pipeline.domain.framing``. Pickles pass only between this project's processes over their own
pipes.

    python -m pipeline.plumbing.expectations_worker
"""

from __future__ import annotations

import pickle
import sys

from pipeline.domain.framing import read_message, write_message


def main() -> int:
    from pipeline.plumbing.check_runner import prepare_context, validate_frame

    prepare_context()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (request := read_message(stdin)) is not None:
        try:
            answer: tuple[bool, object] = (True, validate_frame(*pickle.loads(request)))  # noqa: S301
        except Exception as error:  # the caller raises it, with its type
            answer = (False, error)
        try:
            message = pickle.dumps(answer)
        except Exception:  # an error that does not pickle goes as its text
            message = pickle.dumps(
                (False, RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}"))
            )
        write_message(stdout, message)
        stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
