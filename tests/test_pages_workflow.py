"""The publishing workflow: tests first, then the site built strictly and deployed to Pages."""

from __future__ import annotations

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
