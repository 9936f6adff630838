"""A run's process is alive only if its pid runs and started before the run did."""

import os
import subprocess
import sys
import time

from pipeline.plumbing.dead_runs import is_alive


def test_this_process_is_alive_and_a_finished_one_is_not():
    assert is_alive(os.getpid(), time.time())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not is_alive(child.pid, time.time())


def test_a_process_that_started_after_the_run_is_another_one():
    # a pid taken over by a newer process: started after the run's start
    assert not is_alive(os.getpid(), since=0.0)
