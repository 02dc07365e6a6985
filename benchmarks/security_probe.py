"""The issue-13 security probe: hostile inputs against the CLI and library, one subprocess each.

    PYTHONPATH=src python -m benchmarks.security_probe [--cap-mb 2048] [NAME ...]

Each probe builds its hostile file in a temporary folder, runs one command in a fresh process
under an address-space limit (``--cap-mb``, so a bomb cannot take the machine down) and prints
the exit code, the peak resident memory of that process and the outcome (last line of stderr,
or what the probe checks: a file the payload wrote, live formula cells, the stored text …).
Run it against another checkout by pointing PYTHONPATH at that checkout's ``src``.
"""

from __future__ import annotations

import io
import os
import pickle
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CODEBOOK = str(ROOT / "codebooks" / "elevutbytte.yaml")
HOSTILE = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-1+1", "\t=1+1", "\r=2+2"]


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').write('pwned')",))


def measured(args: list[str], cap_mb: int, cwd: Path) -> tuple[int, float, str]:
    """Like :func:`run`, with the child's own peak RSS (via a wrapper that reports ru_maxrss)."""
    wrapper = ("import resource,subprocess,sys;"
               f"resource.setrlimit(resource.RLIMIT_AS,({cap_mb * 2**20},{cap_mb * 2**20}));"
               "p=subprocess.run(sys.argv[1:]);"
               "print('MAXRSS',resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,file=sys.stderr);"
               "sys.exit(p.returncode)")
    proc = subprocess.run([PY, "-c", wrapper, *args], cwd=cwd, capture_output=True, env=dict(os.environ, COLUMNS="200"))
    err = proc.stderr.decode("utf-8", "replace")
    peak = 0.0
    lines = []
    for ln in err.splitlines():
        if ln.startswith("MAXRSS "):
            peak = int(ln.split()[1]) / 1024
        elif ln.strip() and not set(ln.strip()) <= set("─│╭╮╰╯ "):
            lines.append(ln.strip(" │"))
    if not lines:
        lines = [ln for ln in proc.stdout.decode("utf-8", "replace").splitlines() if ln.strip()]
    return proc.returncode, peak, (" ".join(lines[-2:]) if lines else "")[:300]


def qualcode(*args: str) -> list[str]:
    return [PY, "-m", "qualcode", *args]


def _project(tmp: Path, files: list[Path] | None = None, *extra: str) -> Path:
    project = tmp / "p.qualcode"
    subprocess.run(qualcode("init", str(project)), check=True, capture_output=True)
    if files:
        subprocess.run(qualcode("ingest", str(project), *map(str, files), *extra), check=True, capture_output=True)
    return project


def _turns(tmp: Path) -> Path:
    path = tmp / "intervju.txt"
    path.write_text("I: Hva lærte elevene?\n\nK: Elevene fikk nye venner og bedre språkferdigheter.\n", encoding="utf-8")
    return path


def probe_pickle(tmp: Path, cap: int) -> str:
    project = _project(tmp, [_turns(tmp)])
    subprocess.run(qualcode("code", str(project), "-c", CODEBOOK), check=True, capture_output=True)
    marker = tmp / "pwned.txt"
    db = sqlite3.connect(project)
    tables = {r[0] for r in db.execute("select name from sqlite_master")}
    if "models" in tables:
        cols = [r[1] for r in db.execute("pragma table_info(models)")]
        values = {"codebook_key": "elevutbytte", "trained_at": "2026-11-01 00:00:00.000000", "about": "{}",
                  "data": pickle.dumps(_Payload(marker))}
        values = {k: v for k, v in values.items() if k in cols}
        for col in cols:
            values.setdefault(col, "{}")
        db.execute(f"insert into models ({', '.join(values)}) values ({', '.join('?' * len(values))})", list(values.values()))
    db.commit()
    db.close()
    results = []
    for name, call in (("queue(order='uncertainty')",
                        "from qualcode.review.queue import QueueFilter, queue; queue(Project.open(p), QueueFilter('elevutbytte', order='uncertainty'))"),
                       ("suggest_codes", "from qualcode.assist import suggest_codes; suggest_codes(Project.open(p), load_codebook(c))")):
        marker.unlink(missing_ok=True)
        code = f"from qualcode.store import Project; from qualcode.tagging import load_codebook; p={str(project)!r}; c={CODEBOOK!r}\ntry:\n {call}\nexcept Exception as e: print(type(e).__name__, e)"
        rc, peak, last = measured([PY, "-c", code], cap, tmp)
        results.append(f"{name}: payload file {'WRITTEN' if marker.exists() else 'not written'} ({last[:120]})")
    return "; ".join(results)


def _survey(tmp: Path, suffix: str = ".csv") -> Path:
    rows = [["respondent", "skoletype", "elev_ord1", "elev_ord2"]]
    for i, value in enumerate(HOSTILE):
        rows.append([str(i + 1), value, value, "engelsk"])
    rows.append(["99", "grunnskole", "vennskap", "12"])
    path = tmp / f"svar{suffix}"
    import csv
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def _formula_cells(xlsx: Path) -> int:
    with zipfile.ZipFile(xlsx) as archive:
        return sum(archive.read(n).count(b"<f>") + archive.read(n).count(b"<f ") for n in archive.namelist()
                   if n.startswith("xl/worksheets/"))


def _live_csv_cells(path: Path) -> int:
    import csv
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    return sum(1 for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row
               if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(cell))


def _number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def probe_exports(tmp: Path, cap: int) -> str:
    survey = _survey(tmp)
    project = _project(tmp, [survey], "--id", "respondent", "--meta", "skoletype", "--open", "elev_ord=elev_ord1,elev_ord2")
    subprocess.run(qualcode("code", str(project), "-c", CODEBOOK), check=True, capture_output=True)
    found = []
    rc, _, last = measured(qualcode("export", str(project), "--out", str(tmp / "e.xlsx"), "--by", "skoletype"), cap, tmp)
    found.append(f"export xlsx: {_formula_cells(tmp / 'e.xlsx') if rc == 0 else 'failed ' + last} <f> cells")
    rc, _, last = measured(qualcode("export", str(project), "--out", str(tmp / "e.csv")), cap, tmp)
    found.append(f"export csv: {_live_csv_cells(tmp / 'e.csv') if rc == 0 else 'failed ' + last} live cells")
    rc, _, last = measured(qualcode("wordcloud", str(project), "-q", "elev_ord", "-c", CODEBOOK, "--out", str(tmp / "s.svg"),
                                    "--table", str(tmp / "w.csv")), cap, tmp)
    found.append(f"wordcloud --table: {_live_csv_cells(tmp / 'w.csv') if rc == 0 else 'failed ' + last} live cells")
    return "; ".join(found)


BILLION_LAUGHS_YAML = "\n".join(
    ["a: &a [" + ",".join(["x"] * 10) + "]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(8)]) + "\n"


def probe_yaml_codebook(tmp: Path, cap: int) -> str:
    book = tmp / "bomb.yaml"
    book.write_text(BILLION_LAUGHS_YAML + "id: bomb\nname: Bomb\ncategories: []\n", encoding="utf-8")
    (tmp / "in.jsonl").write_text('{"id": 1, "text": "Elevene fikk nye venner"}\n', encoding="utf-8")
    rc, peak, last = measured(qualcode("tag", str(tmp / "in.jsonl"), "-c", str(book)), cap, tmp)
    return f"exit {rc}, peak {peak:.0f} MB, {len(book.read_bytes())} bytes: {last}"


def probe_yaml_front_matter(tmp: Path, cap: int) -> str:
    doc = tmp / "intervju.md"
    doc.write_text("---\n" + BILLION_LAUGHS_YAML + "---\nI: Hei?\n\nK: Hei.\n", encoding="utf-8")
    project = _project(tmp)
    before = project.read_bytes()
    rc, peak, last = measured(qualcode("ingest", str(project), str(doc)), cap, tmp)
    return f"exit {rc}, peak {peak:.0f} MB, project unchanged: {project.read_bytes() == before}: {last}"


def probe_yaml_sidecar(tmp: Path, cap: int) -> str:
    doc = _turns(tmp)
    (tmp / "intervju.meta.yaml").write_text(BILLION_LAUGHS_YAML, encoding="utf-8")
    project = _project(tmp)
    before = project.read_bytes()
    rc, peak, last = measured(qualcode("ingest", str(project), str(doc)), cap, tmp)
    return f"exit {rc}, peak {peak:.0f} MB, project unchanged: {project.read_bytes() == before}: {last}"


def probe_yaml_deep(tmp: Path, cap: int) -> str:
    book = tmp / "deep.yaml"
    book.write_text("id: deep\nname: Deep\ncategories: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    (tmp / "in.jsonl").write_text('{"id": 1, "text": "Elevene fikk nye venner"}\n', encoding="utf-8")
    rc, peak, last = measured(qualcode("tag", str(tmp / "in.jsonl"), "-c", str(book)), cap, tmp)
    return f"exit {rc}, peak {peak:.0f} MB: {last}"


def _qde(codes: str = '<Code guid="11111111-1111-1111-1111-111111111111" name="A" isCodable="true"/>',
         sources: str = "") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="probe">'
            f'<CodeBook><Codes>{codes}</Codes></CodeBook>{sources}</Project>')


def probe_qdpx_bomb(tmp: Path, cap: int) -> str:
    path = tmp / "bomb.qdpx"
    source = ('<Sources><TextSource guid="22222222-2222-2222-2222-222222222222" name="t" '
              'plainTextPath="internal://22222222-2222-2222-2222-222222222222.txt"/></Sources>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", _qde(sources=source))
        with archive.open("sources/22222222-2222-2222-2222-222222222222.txt", "w", force_zip64=True) as member:
            block = b"a" * 2**24
            for _ in range(192):  # 3 GiB
                member.write(block)
    project = _project(tmp)
    before = project.read_bytes()
    rc, peak, last = measured(qualcode("import", str(project), str(path)), cap, tmp)
    return (f"exit {rc}, peak {peak:.0f} MB, file {path.stat().st_size / 2**20:.1f} MB, "
            f"project unchanged: {project.read_bytes() == before}: {last}")


def probe_qdc_deep(tmp: Path, cap: int) -> str:
    depth = 1500
    codes = "".join(f'<Code guid="00000000-0000-0000-0000-{i:012d}" name="c{i}" isCodable="true">' for i in range(depth))
    codes += "</Code>" * depth
    path = tmp / "deep.qdc"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="probe">'
                    f"<Codes>{codes}</Codes></CodeBook>", encoding="utf-8")
    project = _project(tmp)
    rc, peak, last = measured(qualcode("import", str(project), str(path)), cap, tmp)
    return f"exit {rc}, peak {peak:.0f} MB: {last}"


def probe_qdc_entity(tmp: Path, cap: int) -> str:
    path = tmp / "entity.qdc"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE CodeBook [<!ENTITY x "hei">]>\n'
                    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="probe"><Codes>'
                    '<Code guid="11111111-1111-1111-1111-111111111111" name="A" isCodable="true">'
                    "<Description>&x;</Description></Code></Codes></CodeBook>", encoding="utf-8")
    project = _project(tmp)
    rc, peak, last = measured(qualcode("import", str(project), str(path)), cap, tmp)
    return f"exit {rc}: {last}"


def probe_qdpx_duplicate_guid(tmp: Path, cap: int) -> str:
    guid = "11111111-1111-1111-1111-111111111111"
    codes = f'<Code guid="{guid}" name="A" isCodable="true"/><Code guid="{guid}" name="B" isCodable="true"/>'
    path = tmp / "dup.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", _qde(codes))
    project = _project(tmp)
    before = project.read_bytes()
    rc, peak, last = measured(qualcode("import", str(project), str(path)), cap, tmp)
    return f"exit {rc}, project unchanged: {project.read_bytes() == before}: {last}"


def _long_line(tmp: Path, size: int, words: bool) -> tuple[str, Path]:
    path = tmp / "lang.txt"
    unit = "elevene fikk nye venner og bedre språkferdigheter " if words else "x"
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        chunk = unit * (2**20 // len(unit))
        while written < size:
            handle.write(chunk)
            written += len(chunk.encode("utf-8"))
    return "", path


def probe_long_line(tmp: Path, cap: int, size: int = 20 * 2**20) -> str:
    _, path = _long_line(tmp, size, words=True)
    project = _project(tmp)
    small = project.stat().st_size
    rc, peak, last = measured(qualcode("ingest", str(project), str(path)), cap, tmp)
    grown = project.stat().st_size
    db = sqlite3.connect(project)
    longest, codable = db.execute("select max(length(text)), max(case when codable then length(text) end) "
                                  "from segments").fetchone()
    db.close()
    rc2, _, last2 = measured(qualcode("code", str(project), "-c", CODEBOOK), cap, tmp)
    return (f"{size / 2**20:.0f} MB single line: ingest exit {rc}, peak {peak:.0f} MB, project {small / 2**20:.1f} -> "
            f"{grown / 2**20:.1f} MB, longest segment {longest} chars, longest codable {codable} ({last[:100]}); "
            f"then code exit {rc2}: {last2[:150]}")


def probe_huge_line(tmp: Path, cap: int) -> str:
    """The issue's 200 MB single-line .txt."""
    _, path = _long_line(tmp, 200 * 2**20, words=True)
    project = _project(tmp)
    small = project.stat().st_size
    rc, peak, last = measured(qualcode("ingest", str(project), str(path)), cap, tmp)
    return (f"200 MB single line: ingest exit {rc}, peak {peak:.0f} MB, project {small / 2**20:.1f} -> "
            f"{project.stat().st_size / 2**20:.1f} MB: {last[:200]}")


def probe_no_punctuation(tmp: Path, cap: int) -> str:
    path = tmp / "lang.txt"
    path.write_text(("ordutenpunktum " * 75_000).strip() + "\n", encoding="utf-8")  # 1.1 MB
    project = _project(tmp)
    rc, peak, last = measured(qualcode("ingest", str(project), str(path)), cap, tmp)
    db = sqlite3.connect(project)
    longest, codable = db.execute("select max(length(text)), max(case when codable then length(text) end) "
                                  "from segments").fetchone()
    db.close()
    rc2, _, last2 = measured(qualcode("code", str(project), "-c", CODEBOOK), cap, tmp)
    return f"ingest exit {rc}, longest segment {longest} chars, longest codable {codable}; code exit {rc2}: {last2[:200]}"


def probe_mixed_encoding(tmp: Path, cap: int) -> str:
    path = tmp / "blandet.txt"
    path.write_bytes("I: Hva lærte elevene?\n\nK: De lærte mye om språk.\n".encode("utf-8")
                     + "K: Og de fikk økt selvtillit.\n".encode("cp1252"))
    utf16 = tmp / "utf16.txt"
    utf16.write_bytes("I: Hva lærte elevene?\n\nK: Nye venner.\n".encode("utf-16"))
    project = _project(tmp)
    rc, _, last = measured(qualcode("ingest", str(project), str(path)), cap, tmp)
    db = sqlite3.connect(project)
    text = (db.execute("select text from documents").fetchone() or [""])[0]
    db.close()
    project.unlink()
    project = _project(tmp)
    rc2, _, last2 = measured(qualcode("ingest", str(project), str(utf16)), cap, tmp)
    return (f"mixed: exit {rc}, stored {'lærte' if 'lærte' in text else 'MOJIBAKE ' + repr(text[5:20])}, "
            f"{'økt' if 'økt' in text else 'no økt'} ({last[:120]}); utf-16 BOM: exit {rc2} {last2[:120]}")


PROBES = {name[6:]: fn for name, fn in globals().items() if name.startswith("probe_")}


def main() -> None:
    args = sys.argv[1:]
    cap = 2048
    if args[:1] == ["--cap-mb"]:
        cap, args = int(args[1]), args[2:]
    for name in args or PROBES:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            try:
                outcome = PROBES[name](Path(folder), cap)
            except Exception as exc:  # a probe that cannot even set up says so
                outcome = f"probe failed: {exc.__class__.__name__}: {str(exc)[:200]}"
            print(f"{name:22} {outcome}  [{time.perf_counter() - started:.0f} s]", flush=True)


if __name__ == "__main__":
    main()
