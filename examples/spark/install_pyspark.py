"""Install the pinned pyspark into a venv by streaming its sdist, for machines short of disk.

PyPI has no pyspark wheel, only a ~450 MB sdist, so `pip install pyspark` downloads it, unpacks
it, copies it into a build tree, zips a wheel and unzips that again: ~2.4 GB of disk at the peak
(measured on the CI run that this script replaced it in). Here the sdist is read from the package
index once, as a stream, and only the files that the wheel would hold are written, where the
wheel would put them (the `package_dir` mapping of pyspark's setup.py); the sha256 the index
lists is checked at the end. Peak disk is the installed size, ~460 MB.

    python3 install_pyspark.py VENV REQUIREMENTS

REQUIREMENTS is examples/spark/requirements.txt (its `pyspark==X.Y.Z` line). The package's own
dependencies (py4j) are installed with the venv's pip. Prints the Spark home (the installed
`pyspark` directory, with bin/spark-submit in it).

Users with disk to spare do not need this: `pip install -r requirements.txt` installs the same.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import urllib.request

INDEX = os.environ.get("INDOTAG_PYPI_SIMPLE", "https://pypi.org/simple")

# Where setup.py's package_dir puts the sdist's directories inside the installed package.
PACKAGE_DIR = {
    "pyspark": "",
    "deps/jars": "jars",
    "deps/bin": "bin",
    "deps/sbin": "sbin",
    "lib": "python/lib",
    "deps/data": "data",
    "deps/licenses": "licenses",
    "deps/examples": "examples/src/main/python",
}


def pinned_version(requirements):
    with open(requirements, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*pyspark==([0-9][0-9A-Za-z.]*)\s*(#.*)?$", line)
            if m:
                return m.group(1)
    sys.exit(f"{requirements}: no `pyspark==VERSION` line")


def sdist_url(version):
    """The sdist's URL and sha256 from the index's JSON simple API (PEP 691)."""
    req = urllib.request.Request(
        f"{INDEX}/pyspark/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(req, timeout=180) as r:
        files = json.load(r)["files"]
    name = f"pyspark-{version}.tar.gz"
    for f in files:
        if f["filename"] == name:
            return f["url"], f["hashes"]["sha256"]
    sys.exit(f"{INDEX}/pyspark/: no {name}")


class Hashing:
    """A read-only stream that hashes what passes through it."""

    def __init__(self, raw):
        self.raw = raw
        self.sha = hashlib.sha256()

    def read(self, n=-1):
        data = self.raw.read(n)
        self.sha.update(data)
        return data


def target_of(member_name, top):
    """Where a member of the sdist goes inside the installed `pyspark` directory, or None.
    A member whose path would leave that directory (`..`, an absolute path) is an error."""
    rel = member_name[len(top) + 1 :] if member_name.startswith(top + "/") else None
    if not rel:
        return None
    if rel.startswith("/") or ".." in rel.split("/"):
        sys.exit(f"sdist member {member_name!r} would be written outside the package")
    for src, dst in PACKAGE_DIR.items():
        if rel == src or rel.startswith(src + "/"):
            tail = rel[len(src) :].lstrip("/")
            return os.path.join(dst, tail) if dst else tail
    return None


def stream_install(url, sha256, version, dest):
    top = f"pyspark-{version}"
    pkg_info = ""
    with urllib.request.urlopen(url, timeout=180) as r:
        stream = Hashing(r)
        with tarfile.open(fileobj=stream, mode="r|gz") as tar:
            for m in tar:
                if m.name == f"{top}/PKG-INFO":
                    pkg_info = tar.extractfile(m).read().decode("utf-8", "replace")
                    continue
                rel = target_of(m.name, top)
                if rel is None or not (m.isfile() or m.isdir()):
                    continue
                path = os.path.join(dest, rel)
                if m.isdir():
                    os.makedirs(path, exist_ok=True)
                    continue
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with tar.extractfile(m) as src, open(path, "wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
                os.chmod(path, 0o755 if m.mode & 0o111 else 0o644)
        while stream.read(1 << 20):  # the gzip trailer, so that the hash covers every byte
            pass
    if stream.sha.hexdigest() != sha256:
        shutil.rmtree(dest, ignore_errors=True)
        sys.exit(f"{url}: sha256 {stream.sha.hexdigest()}, the index says {sha256}")
    # (the core metadata's Requires-Dist lines without an extra: what pip would install)
    deps = [
        line.split(":", 1)[1].strip()
        for line in pkg_info.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    if not deps:
        sys.exit(f"{url}: no Requires-Dist in PKG-INFO (py4j expected)")
    return deps


def main():
    venv, requirements = sys.argv[1], sys.argv[2]
    version = pinned_version(requirements)
    python = os.path.join(venv, "bin", "python")
    site = subprocess.check_output(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
    ).strip()
    dest = os.path.join(site, "pyspark")
    url, sha256 = sdist_url(version)
    deps = stream_install(url, sha256, version, dest)
    if deps:
        subprocess.check_call([python, "-m", "pip", "install", "-q", *deps])
    print(dest)


if __name__ == "__main__":
    main()
