#!/usr/bin/env bash
# Runs every check and test of the workspace: formatting, lints, unit, integration, doc and example
# tests, then the server door from outside: boto3 (pytest) and the AWS CLI against a running `ddbmock`,
# and the conformance suite over HTTPS through a TLS proxy in front of it (needs python3 and openssl).
set -euo pipefail
cd "$(dirname "$0")"
cargo fmt --all --check
# Every build below is one build: the whole workspace, every target, every feature (the AWS SDK
# bridge, the HTTPS conformance client, the Python module). Cargo builds a crate once per set of
# features that its dependents ask of it, over the packages of one command; a command with another
# package selection or feature list (`-p ddbmock`, `--features aws`, `cargo run --example …`) builds
# tokio, serde and everything above them again. So the examples and the server run from this
# build's own binaries, and the later test commands repeat these exact flags.
ALL=(--workspace --all-features)
# Clippy runs inside that build, as cargo-clippy itself runs it: clippy-driver (rustc with the lints
# added) compiles the workspace's own crates, with `-D warnings` in CLIPPY_ARGS. A separate `cargo
# clippy` would first check every dependency a second time, in check mode, which costs minutes on a
# clean checkout. Every cargo command below runs with the same variables, so none of them
# compiles the workspace's crates again (tests/clippy-rustc says why it is a script).
RUSTC_WORKSPACE_WRAPPER="$PWD/tests/clippy-rustc"
DDBMOCK_CLIPPY_DRIVER="$(rustc --print sysroot)/bin/clippy-driver"
CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
export RUSTC_WORKSPACE_WRAPPER DDBMOCK_CLIPPY_DRIVER CLIPPY_ARGS
# `cargo build` puts the examples' binaries where they are run from below (`cargo test` leaves them
# under hashed names only).
cargo build "${ALL[@]}" --all-targets
cargo test "${ALL[@]}" --all-targets
cargo test "${ALL[@]}" --doc
target/debug/examples/quickstart
target/debug/examples/app
target/debug/examples/sdk_bridge
# The light API crate, even with the production adapter, carries no engine, store, HTTP server or CLI.
if cargo tree -p ddbmock-core -e normal --features sdk --prefix none \
  | grep -E '^(ddbmock-engine|rusqlite|libsqlite3-sys|hyper|clap) '; then
  echo "ddbmock-core depends on the engine, SQLite, hyper or clap" >&2; exit 1
fi
# A user's crate outside the workspace (examples/user-crate/), depending on ddbmock by path as an
# application does. Its .cargo/config.toml builds it on the workspace's target directory and profile,
# and with the workspace's Cargo.lock it reuses the dependencies built above; only ddbmock's own
# crates are compiled again (cargo hashes a path crate by its path from the workspace root), with
# hyper and a few small crates that the HTTPS conformance client builds with more features above.
cp Cargo.lock examples/user-crate/Cargo.lock
(cd examples/user-crate && cargo fmt --check && cargo test --quiet)
# A README snippet that follows `<!-- same as PATH -->` is that file's text, run above as a test
# (`rust,ignore` when it names the user crate, which the README's doc tests cannot reach).
python3 - <<'PY'
import re, sys
readme = open("README.md").read()
pairs = re.findall(r"<!-- same as (\S+) -->\n```rust(?:,ignore)?\n(.*?)```", readme, re.S)
if not pairs: sys.exit("README.md: no snippet marked `<!-- same as PATH -->`")
for path, text in pairs:
    if open(path).read() != text: sys.exit(f"README.md: the snippet marked {path} differs from the file")
PY
# Publishing is one step away: every crate packages (metadata, versions on path dependencies).
# Building each package alone from its `.crate` (the dry run's verify step) would compile every
# dependency again with each crate's own features, about four minutes on a clean checkout. What it
# would catch beyond the builds above is a file left out of a package, so that is checked instead:
# each package lists every file that git tracks under its src/ and console/ folders.
cargo publish --workspace --dry-run --allow-dirty --quiet --no-verify
python3 - <<'PY'
import json, os, subprocess, sys
meta = json.loads(subprocess.check_output(["cargo", "metadata", "--no-deps", "--format-version", "1"]))
for package in meta["packages"]:
    if package.get("publish") == []:
        continue
    root = os.path.dirname(package["manifest_path"])
    listed = set(subprocess.check_output(
        ["cargo", "package", "--list", "--allow-dirty", "-p", package["name"]], text=True).split())
    for folder in ("src", "console"):
        tracked = subprocess.check_output(["git", "ls-files", folder], cwd=root, text=True).split()
        missing = [path for path in tracked if path not in listed]
        if missing:
            sys.exit(f"{package['name']}: the package leaves out {', '.join(missing)}")
PY

# --- The server door: boto3 and the AWS CLI, in a virtualenv of their own under target/. ---
VENV=target/py-venv
REQUIREMENTS="boto3 pytest awscli maturin playwright"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.installed" 2>/dev/null)" != "$REQUIREMENTS" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check $REQUIREMENTS
  echo "$REQUIREMENTS" >"$VENV/.installed"
fi

LOG="$(mktemp)"
target/debug/ddbmock --port 0 --log warn >"$LOG" 2>&1 &
SERVER=$!
PROXY=""
TLS="$(mktemp -d)"
cleanup() {
  for pid in $PROXY $SERVER; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$LOG" "$TLS"
}
trap cleanup EXIT
ENDPOINT=""
for _ in $(seq 1 200); do
  ENDPOINT="$(grep -o 'http://[0-9.:]*' "$LOG" | head -n1 || true)"
  [ -n "$ENDPOINT" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG"; echo "ddbmock did not start" >&2; exit 1; }
  sleep 0.05
done
[ -n "$ENDPOINT" ] || { cat "$LOG"; echo "ddbmock printed no endpoint" >&2; exit 1; }

# The Python package (python/), built into the venv: the suite runs through it in-process too.
VIRTUAL_ENV="$PWD/$VENV" "$VENV/bin/maturin" develop --quiet -m python/Cargo.toml

# pytest: 0 is success; anything else (failures, errors, or 5 = nothing collected) fails the run.
status=0
DDBMOCK_ENDPOINT="$ENDPOINT" DDBMOCK_BIN=target/debug/ddbmock "$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/python || status=$?
if [ "$status" -ne 0 ]; then echo "pytest failed (exit $status)" >&2; exit "$status"; fi

# AWS CLI smoke test, with dummy credentials and a region from the environment only.
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=""
aws() { "$VENV/bin/aws" --endpoint-url "$ENDPOINT" --output json "$@"; }
aws dynamodb create-table --table-name cli-smoke \
  --attribute-definitions AttributeName=id,AttributeType=S \
  --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST >/dev/null
aws dynamodb put-item --table-name cli-smoke --item '{"id":{"S":"1"},"v":{"N":"42"}}'
[ "$(aws dynamodb get-item --table-name cli-smoke --key '{"id":{"S":"1"}}' --query Item.v.N --output text)" = 42 ] \
  || { echo "AWS CLI smoke test: get-item did not return the item" >&2; exit 1; }
aws dynamodb list-tables --query 'TableNames' --output text | grep -qw cli-smoke \
  || { echo "AWS CLI smoke test: list-tables does not list the table" >&2; exit 1; }
# PartiQL: execute-statement, batch-execute-statement and execute-transaction (statements read
# from stdin, so that PartiQL's single quotes need no shell quoting).
[ "$(aws dynamodb execute-statement --statement 'SELECT v FROM "cli-smoke" WHERE id = ?' \
  --parameters '[{"S":"1"}]' --query 'Items[0].v.N' --output text)" = 42 ] \
  || { echo "AWS CLI smoke test: execute-statement did not return the item" >&2; exit 1; }
[ "$(aws dynamodb batch-execute-statement --statements file:///dev/stdin \
  --query 'length(Responses[?Error])' --output text <<'JSON'
[{"Statement": "INSERT INTO \"cli-smoke\" VALUE {'id': '2', 'v': 7}"},
 {"Statement": "UPDATE \"cli-smoke\" SET v = v + 1 WHERE id = '1'"}]
JSON
)" = 0 ] || { echo "AWS CLI smoke test: batch-execute-statement reported errors" >&2; exit 1; }
aws dynamodb execute-transaction --client-request-token cli-smoke-1 --transact-statements file:///dev/stdin >/dev/null <<'JSON'
[{"Statement": "EXISTS(SELECT * FROM \"cli-smoke\" WHERE id = '1' AND v = 43)"},
 {"Statement": "UPDATE \"cli-smoke\" SET v = v + 1 WHERE id = '2'"}]
JSON
[ "$(aws dynamodb execute-transaction --transact-statements file:///dev/stdin \
  --query 'Responses[].Item.v.N' --output text <<'JSON'
[{"Statement": "SELECT v FROM \"cli-smoke\" WHERE id = '1'"},
 {"Statement": "SELECT v FROM \"cli-smoke\" WHERE id = '2'"}]
JSON
)" = "$(printf '43\t8')" ] || { echo "AWS CLI smoke test: execute-transaction did not write or read" >&2; exit 1; }
aws dynamodb delete-table --table-name cli-smoke >/dev/null
echo "server door: pytest and AWS CLI smoke test passed against $ENDPOINT"
# The web console in a headless Chromium: Debian's `chromium` (installed here when missing), driven
# by Playwright, which downloads no browser of its own. Screenshots go to target/console-screenshots/.
if ! command -v chromium >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || { echo "the console's browser tests need Chromium: apt-get install chromium (as root)" >&2; exit 1; }
fi
status=0
DDBMOCK_BIN=target/debug/ddbmock "$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/console || status=$?
if [ "$status" -ne 0 ]; then echo "console browser tests failed (exit $status)" >&2; exit "$status"; fi

# --- The conformance suite over HTTPS (feature `conformance-https`): the SDK's own HTTPS client, through
# a TLS proxy in front of the same server, trusting only a CA made for this run. ---
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=ddbmock test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" \
  -keyout "$TLS/ca.key" -out "$TLS/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout "$TLS/key.pem" -out "$TLS/request.pem" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$TLS/extensions.cnf"
openssl x509 -req -days 1 -in "$TLS/request.pem" -CA "$TLS/ca.pem" -CAkey "$TLS/ca.key" \
  -CAcreateserial -extfile "$TLS/extensions.cnf" -out "$TLS/cert.pem" 2>/dev/null
python3 tests/tls/proxy.py "$TLS/cert.pem" "$TLS/key.pem" "${ENDPOINT#http://}" >"$TLS/port" &
PROXY=$!
for _ in $(seq 1 200); do
  [ -s "$TLS/port" ] && break
  kill -0 "$PROXY" 2>/dev/null || { echo "the TLS proxy did not start" >&2; exit 1; }
  sleep 0.05
done
HTTPS_ENDPOINT="https://127.0.0.1:$(cat "$TLS/port")"
SSL_CERT_FILE="$TLS/ca.pem" DDBMOCK_CONFORMANCE_ENDPOINT="$HTTPS_ENDPOINT" \
  cargo test "${ALL[@]}" --test aws_bridge over_http
echo "conformance suite over HTTPS passed against $HTTPS_ENDPOINT"
