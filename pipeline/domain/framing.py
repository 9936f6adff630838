"""Messages between this process and its worker processes over pipes: each message is an 8-byte
length and its bytes. No Dagster, no DuckDB."""

from __future__ import annotations

from typing import IO

_LENGTH = 8


def write_message(stream: IO[bytes], data: bytes) -> None:
    stream.write(len(data).to_bytes(_LENGTH, "big"))
    stream.write(data)


def read_message(stream: IO[bytes]) -> bytes | None:
    """The next message; None when the stream has ended between messages."""
    header = stream.read(_LENGTH)
    if not header:
        return None
    length = int.from_bytes(header, "big")
    data = stream.read(length)
    if len(data) != length:
        raise EOFError("the stream ended inside a message")
    return data


def pipe(stream: IO[bytes] | None) -> IO[bytes]:
    """A worker's stdin or stdout (Popen with PIPE always has them)."""
    if stream is None:
        raise RuntimeError("the worker process has no pipe")
    return stream
