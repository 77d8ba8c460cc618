"""What is wrong with the data: one `Problem` per mistake, with its file, line and field, and the
one error the data layer raises, carrying every problem found."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PROBLEMS = 25


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, where it is, and what to do about it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """The data is invalid; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        more = f"\n  … and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"The data has {len(problems)} {noun}; nothing was built.\n  "
                         + "\n  ".join(str(p) for p in shown) + more)

    @classmethod
    def one(cls, problem: Problem) -> DataError:
        return cls([problem])

    @property
    def problem(self) -> Problem:
        """The first problem (a file that cannot be read at all has only one)."""
        return self.problems[0]
