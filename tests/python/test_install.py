"""A fresh virtualenv and `pip install ./python` are all a user needs: the package builds from the
repository with pip alone (maturin comes through pip's build isolation), imports from the venv's
own site-packages, and serves a boto3 call in-process.

Cheap on a built tree: the build runs on the workspace's target directory (cargo's default for a
workspace member, or CARGO_TARGET_DIR when set) with the dev profile (maturin's `build-args`
config-setting; a plain `pip install` builds the release profile), as `maturin develop` does, so
cargo finds every crate already built and only the wheel is packed. What is left is the venv,
pip's download of maturin, botocore and boto3 (from its cache after the first run), and packing.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Run by the fresh venv's interpreter, outside the repository.
PROGRAM = """
import os, sys
import boto3, ddbmock
# Imported from the venv, not from the source tree.
assert ddbmock.__file__.startswith(sys.prefix), ddbmock.__file__
assert ddbmock._native.__file__.startswith(sys.prefix), ddbmock._native.__file__
with ddbmock.mock_dynamodb():
    ddb = boto3.client("dynamodb", region_name="us-east-1")
    ddb.create_table(
        TableName="fresh",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    ddb.put_item(TableName="fresh", Item={"pk": {"S": "a"}, "n": {"N": "1"}})
    print(ddb.get_item(TableName="fresh", Key={"pk": {"S": "a"}})["Item"]["n"]["N"])
"""


def run(*args, cwd):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_pip_installs_the_package_into_a_fresh_venv(tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path)
    pip = venv / "bin" / "pip"
    run(
        str(pip),
        "install",
        "--quiet",
        "--disable-pip-version-check",
        # Byte-compiling botocore's thousands of modules is most of an install's time.
        "--no-compile",
        "--config-settings=build-args=--profile dev",
        str(ROOT / "python"),
        "boto3",
        cwd=ROOT,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", PROGRAM],
        cwd=tmp_path,
        env={**env, "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"},
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "1\n", "")
