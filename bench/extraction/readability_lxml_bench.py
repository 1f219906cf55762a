"""Times readability-lxml (Debian python3-readability) over an extraction corpus.

Used by `newswatch bench extraction`. Pages are read, gunzipped and decoded before timing starts,
so the figures cover lxml parsing plus Readability only. Run with the system interpreter
(/usr/bin/python3), where the Debian package is installed.

Usage: /usr/bin/python3 readability_lxml_bench.py CORPUS_DIR [PASSES]  -> one JSON object on stdout.
"""

import gzip
import json
import os
import re
import resource
import sys
import time

from readability import Document

META_CHARSET = re.compile(rb'<meta[^>]+charset=["\']?([\w-]+)', re.IGNORECASE)


def decode(data: bytes) -> str:
    """Charset from a <meta> in the first 1,024 bytes, else UTF-8 (with replacement)."""
    match = META_CHARSET.search(data[:1024])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def load(corpus: str):
    folder = os.path.join(corpus, "html")
    pages = []
    for name in sorted(os.listdir(folder)):
        if not (name.endswith(".html.gz") or name.endswith(".html")):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            raw = handle.read()
        data = gzip.decompress(raw) if name.endswith(".gz") else raw
        pages.append((len(data), decode(data)))
    return pages


def run_pass(pages):
    """Wall-clock and CPU seconds for one pass over every page."""
    start, cpu_start = time.perf_counter(), time.process_time()
    for _, html in pages:
        Document(html).summary()
    return time.perf_counter() - start, time.process_time() - cpu_start


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: readability_lxml_bench.py CORPUS_DIR [PASSES]", file=sys.stderr)
        return 2
    passes = max(2, int(sys.argv[2]) if len(sys.argv) > 2 else 4)
    pages = load(sys.argv[1])
    timings = [run_pass(pages) for _ in range(passes)]
    result = {
        "extractor": "readability-lxml (python3-readability)",
        "pages": len(pages),
        "bytes": sum(size for size, _ in pages),
        "cold": {"seconds": timings[0][0], "cpuSeconds": timings[0][1]},
        "warm": [{"seconds": wall, "cpuSeconds": cpu} for wall, cpu in timings[1:]],
        # ru_maxrss is in kilobytes on Linux.
        "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
