import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FIXTURES = ROOT / "fixtures"


def load_cases(name: str) -> list:
    """Cases from tests/data/NAME (a JSON list of objects)."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def real_texts(*case_files: str) -> list[str]:
    """The real captions in tests/data: the seed inputs, then the texts of ``case_files`` (their cases
    with a text), in order."""
    texts = [json.loads(ln)["text"] for ln in (DATA / "seed.input.jsonl").read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    for name in case_files:
        texts += [c["text"] for c in load_cases(name) if isinstance(c.get("text"), str)]
    return texts


def case_params(name: str) -> list:
    """pytest params from a case file; a case with "xfail" is a strict known failure."""
    params = []
    for i, case in enumerate(load_cases(name)):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        params.append(pytest.param(case, id=case.get("id", f"{name}-{i}"), marks=marks))
    return params


# --- Hypothesis profiles: "ci" (chosen when the CI variable is set) keeps the run short
import os  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def assert_rules(case: dict, rec) -> None:
    """A case's ``style`` (registered rule names, grammar/rules.py) must all be in the row's style;
    its ``convention`` says in words what the case shows."""
    from captionclean.grammar.rules import qualify

    fired = {qualify(p) for p in rec.style}
    missing = [r for r in case.get("style", []) if r not in fired]
    assert not missing, (missing, sorted(fired))
