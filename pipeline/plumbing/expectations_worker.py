"""A process that runs Great Expectations suites for ``expectations.Expectations``: it imports
GX and makes its context as soon as it starts, then answers requests on stdin, one at a time,
until stdin closes. A request is the pickled name of a question (``validate_frame`` or
``judge``) and its arguments; the answer is the pickled ``(True, answer)`` or ``(False, error)``,
each framed as in ``pipeline.domain.framing``. Pickles pass only between this project's
processes over their own pipes.

    python -m pipeline.plumbing.expectations_worker
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable

from pipeline.domain.framing import read_message, write_message


def main() -> int:
    from pipeline.plumbing.check_by_values import judge_here
    from pipeline.plumbing.check_runner import prepare_context, validate_frame

    # validate_frame: a frame judged row by row; judge: the pieces of check_by_values
    questions: dict[str, Callable[..., object]] = {
        "validate_frame": validate_frame,
        "judge": judge_here,
    }
    prepare_context()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (request := read_message(stdin)) is not None:
        try:
            question, arguments = pickle.loads(request)  # noqa: S301
            answer: tuple[bool, object] = (True, questions[question](*arguments))
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
