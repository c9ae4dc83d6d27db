"""A synthetic corpus: the seeds copied N times, each copy a distinct, later history.

    /work/venv/bin/python bench/synth.py --scale 100 --out bench/out/corpus-100x

Copy 0 is the seeds byte for byte (same ids and file names), so the 1x corpus *is* the
seeds. Copy k (k >= 1) of each document gets its own id (`<id>-k003`), file name
(`k003_<file>`), title and short name, and every year 1900-2029 written as four digits
in its text and its `written` date moves k years later. The database therefore grows the
way a real, larger corpus would -- more distinct dates, events and citations -- rather
than merging N identical copies into the same events. Only digits change, and a
four-digit year stays four digits, so every line, page break and footnote keeps its
place and the cleaner sees the same layout. Decades ("the 1990s", "1990's") are left as
they are: shifting them by k would make "the 1993s".
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MANIFEST = "sources.toml"

# a year 1900-2029 standing alone as four digits; not part of a longer number, not a
# decade ("1990s", "1990's"), not a thousands group ("1,990" never matches anyway).
_YEAR = re.compile(r"(?<![\d.,])(19\d\d|20[0-2]\d)(?![\d]|'?s\b|’s\b)")


def shift_years(text: str, k: int) -> str:
    """`text` with every standalone year 1900-2029 moved `k` years later."""
    if k == 0:
        return text
    return _YEAR.sub(lambda m: str(int(m.group(1)) + k), text)


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        escaped = (value.replace("\\", "\\\\").replace('"', '\\"')
                   .replace("\n", "\\n").replace("\t", "\\t"))
        return f'"{escaped}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    raise TypeError(f"cannot write {type(value).__name__} to the manifest")


def source_entry(fields: dict[str, object]) -> str:
    """One `[[source]]` table, keys in the order given."""
    lines = ["[[source]]"] + [f"{key} = {_toml_value(value)}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def copy_entry(entry: dict[str, object], k: int) -> dict[str, object]:
    """The manifest entry of copy `k` of a seed."""
    if k == 0:
        return dict(entry)
    out = dict(entry)
    tag = f"k{k:03d}"
    out["id"] = f"{entry['id']}-{tag}"
    out["file"] = f"{tag}_{entry['file']}"
    if "written" in entry:
        out["written"] = shift_years(str(entry["written"]), k)
    out["title"] = f"{entry.get('title', entry['file'])} (synthetic copy {k})"
    if "short" in entry:
        out["short"] = f"{entry['short']} #{k}"
    return out


def make_corpus(scale: int, out: Path, seeds: Path = SEEDS) -> tuple[int, int]:
    """Write `scale` copies of `seeds` to `out` (replaced); returns (documents, bytes)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    entries = tomllib.loads((seeds / MANIFEST).read_text(encoding="utf-8"))["source"]
    texts = {e["file"]: (seeds / e["file"]).read_text(encoding="utf-8") for e in entries}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    manifest = [f"# Synthetic corpus: {scale} copies of {seeds.name}/ (bench/synth.py).\n"]
    documents = size = 0
    for k in range(scale):
        for entry in entries:
            copy = copy_entry(entry, k)
            data = shift_years(texts[entry["file"]], k).encode("utf-8")
            (out / str(copy["file"])).write_bytes(data)
            manifest.append(source_entry(copy))
            documents += 1
            size += len(data)
    (out / MANIFEST).write_text("\n".join(manifest), encoding="utf-8")
    return documents, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10, help="number of copies (default 10)")
    parser.add_argument("--out", type=Path, required=True, help="corpus folder to (re)write")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="corpus to copy")
    args = parser.parse_args(argv)
    documents, size = make_corpus(args.scale, args.out, args.seeds)
    print(f"wrote {documents} documents, {size / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
