"""The publishing workflow: tests first, then the site built strictly and deployed to Pages."""

from __future__ import annotations

import re
import subprocess
import sys

from pathlib import Path

import yaml

from conftest import ROOT


def _workflow() -> dict:
    with open(ROOT / ".github" / "workflows" / "pages.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_it_runs_on_main_and_by_hand():
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers


def test_the_tests_run_first_as_ci_runs_them():
    jobs = _workflow()["jobs"]
    assert "bash .ci/run" in _runs(jobs["test"])
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"


def test_the_site_is_built_strictly_with_its_url_and_uploaded():
    build = _workflow()["jobs"]["build"]
    runs = _runs(build)
    assert "mkdocs build --strict" in runs and "tables --check" in runs
    (step,) = [s for s in build["steps"] if "mkdocs build" in s.get("run", "")]
    assert "SITE_URL" in step["env"]  # only here: the tests build with local URLs
    assert {"actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact"} <= set(_uses(build))


def test_the_deploy_job_deploys_to_pages_with_the_permissions_it_needs():
    deploy = _workflow()["jobs"]["deploy"]
    assert _uses(deploy) == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


ZIZMOR = str(Path(sys.executable).with_name("zizmor"))
"""The zizmor installed beside this Python (a test dependency; a binary, not a module)."""


def _workflows() -> list:
    return sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def test_every_action_is_pinned_to_a_commit_with_its_release_in_a_comment():
    pinned = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")
    lines = [line for path in _workflows() for line in path.read_text(encoding="utf-8").splitlines()
             if re.match(r"^\s*(?:- )?uses:", line)]
    assert len(lines) >= 6
    assert [line for line in lines if not pinned.match(line)] == []


def test_no_checkout_keeps_the_token_and_each_job_holds_only_what_it_uses():
    workflow = _workflow()
    assert workflow["permissions"] == {}
    checkouts = [step for job in workflow["jobs"].values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 2 and all(step["with"]["persist-credentials"] is False for step in checkouts)
    permissions = {name: job["permissions"] for name, job in workflow["jobs"].items()}
    assert permissions == {"test": {"contents": "read"}, "build": {"contents": "read", "pages": "read"},
                           "deploy": {"pages": "write", "id-token": "write"}}


def test_zizmor_finds_nothing_of_medium_severity_or_more():
    """zizmor audits the workflows offline: unpinned actions, persisted credentials, excessive
    permissions, template injection, and more."""
    result = subprocess.run([ZIZMOR, "--offline", "--min-severity=medium",
                             "--format=plain", *map(str, _workflows())],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_as_run_here_catches_a_movable_tag_and_persisted_credentials(tmp_path):
    workflow = tmp_path / "w.yml"
    workflow.write_text("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                        "    permissions:\n      contents: read\n    steps:\n"
                        "      - uses: actions/checkout@v4\n")
    result = subprocess.run([ZIZMOR, "--offline", "--min-severity=medium",
                             "--format=plain", str(workflow)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "artipacked" in result.stdout


def test_ci_runs_the_readmes_test_command_whole():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"^python3 -m venv \.venv && .*pytest$", readme, re.M)
    assert "-c constraints.txt" in command
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
