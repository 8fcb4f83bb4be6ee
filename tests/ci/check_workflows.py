#!/usr/bin/env python3
"""Structural check of hipkb's GitHub Actions workflows, beyond yamllint's
syntax and style: every job says where it runs and has steps, every step
does one thing (uses or run), and every action from outside this repository
is pinned to a full commit SHA (a tag can be moved to other code).

Usage: check_workflows.py WORKFLOW.yml...   Exit 0 when all hold, 1 otherwise,
with one line per problem naming the file, the job and the step."""
import re
import sys

import yaml

SHA = re.compile(r"^[0-9a-f]{40}$")


def problems_in(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict):
        return [f"{path}: not a mapping at the top level"]
    out = []
    # YAML 1.1 reads a bare `on:` key as the boolean True.
    if "on" not in doc and True not in doc:
        out.append(f"{path}: no 'on:' (what triggers the workflow)")
    jobs = doc.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        return out + [f"{path}: no jobs"]
    for job_name, job in jobs.items():
        where = f"{path}: job '{job_name}'"
        if not isinstance(job, dict):
            out.append(f"{where}: not a mapping")
            continue
        if "uses" in job:  # a reusable workflow call has no runner or steps of its own
            continue
        if "runs-on" not in job:
            out.append(f"{where}: no runs-on")
        if "timeout-minutes" not in job:
            out.append(f"{where}: no timeout-minutes (a hung job holds its runner for up to 6 hours)")
        steps = job.get("steps")
        if not isinstance(steps, list) or not steps:
            out.append(f"{where}: no steps")
            continue
        for i, step in enumerate(steps, 1):
            label = f"{where}, step {i}" + (f" ('{step.get('name')}')" if isinstance(step, dict) and step.get("name") else "")
            if not isinstance(step, dict):
                out.append(f"{label}: not a mapping")
                continue
            if ("uses" in step) == ("run" in step):
                out.append(f"{label}: needs exactly one of 'uses' and 'run'")
                continue
            uses = step.get("uses")
            if uses is None or uses.startswith("./") or uses.startswith("docker://"):
                continue
            action, _, ref = uses.partition("@")
            if not ref:
                out.append(f"{label}: '{uses}' has no version; pin it to a commit SHA")
            elif not SHA.match(ref):
                out.append(f"{label}: '{action}' is pinned to '{ref}', not to a 40-hex commit SHA")
    return out


def main(paths):
    if not paths:
        print("usage: check_workflows.py WORKFLOW.yml...", file=sys.stderr)
        return 2
    problems = []
    for path in paths:
        try:
            problems += problems_in(path)
        except (OSError, yaml.YAMLError) as error:
            problems.append(f"{path}: {error}")
    for p in problems:
        print(p)
    print(f"{len(paths)} workflow files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
