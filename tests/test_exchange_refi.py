"""REFI-QDA export and import on a real coded project, checked against the XSDs in shared/refi-qda."""

from __future__ import annotations

import re
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select
from typer.testing import CliRunner

from qualcode.analysis.agreement import agreement
from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.exchange import ExchangeError, NameList, Pseudonymiser, export_qdc, export_qdpx, import_refi
from qualcode.tagging.codebook_yaml import write_codebook_yaml
from qualcode.store.codebooks import stored_codebooks
from qualcode.store import Project, schema
from qualcode.tagging import CodebookError, load_codebook
from tests.conftest import ROOT, SHARED
from tests.exchange_data import build_project, copy_project, snapshot, suggestions

NS = {"q": "urn:QDA-XML:project:1.0", "c": "urn:QDA-XML:codebook:1.0"}
runner = CliRunner()


def xsd(name: str) -> etree.XMLSchema:
    """The standard's schema from ../shared/refi-qda, or the identical copy the package ships."""
    path = SHARED / "refi-qda" / name
    if not path.is_file():
        path = ROOT / "src" / "qualcode" / "exchange" / "schemas" / name
    return etree.XMLSchema(etree.parse(str(path)))


def qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def source_texts(path: Path) -> dict[str, str]:
    """Text of every TextSource by its name, read from the file its plainTextPath names."""
    root = qde(path)
    with zipfile.ZipFile(path) as archive:
        return {ts.get("name"): archive.read("sources/" + ts.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
                for ts in root.iter(f"{{{NS['q']}}}TextSource")}


def codings(path: Path) -> set[tuple]:
    """(source, code path, start, end, coder) of every coding: what must survive a round trip."""
    root = qde(path)
    names: dict[str, str] = {}

    def walk(element, prefix):
        for code in element.findall("q:Code", NS):
            names[code.get("guid")] = prefix + code.get("name")
            walk(code, prefix + code.get("name") + "/")

    walk(root.find("q:CodeBook/q:Codes", NS), "")
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{{{NS['q']}}}User")}
    return {(ts.get("name"), names[c.find("q:CodeRef", NS).get("targetGUID")], int(sel.get("startPosition")),
             int(sel.get("endPosition")), users[c.get("creatingUser")])
            for ts in root.iter(f"{{{NS['q']}}}TextSource") for sel in ts.findall("q:PlainTextSelection", NS)
            for c in sel.findall("q:Coding", NS)}


@pytest.fixture(scope="module")
def project(tmp_path_factory, blank_nlp):
    return build_project(tmp_path_factory.mktemp("refi"), blank_nlp)


@pytest.fixture(scope="module")
def exported(project, tmp_path_factory):
    return export_qdpx(project, tmp_path_factory.mktemp("ut") / "evaluering.qdpx")


# -- export ----------------------------------------------------------------------------------

def test_qdpx_layout_follows_the_spec(exported):
    with zipfile.ZipFile(exported.path) as archive:
        names = archive.namelist()
    assert names[0] == "project.qde"
    assert all(n.startswith("sources/") and n.endswith(".txt") for n in names[1:])  # lowercase, flat
    root = qde(exported.path)
    assert root.tag == "{urn:QDA-XML:project:1.0}Project"
    assert xsd("Project.xsd").validate(root), xsd("Project.xsd").error_log
    for source in root.iter(f"{{{NS['q']}}}TextSource"):
        assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"
        assert f"sources/{source.get('guid')}.txt" in names
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c.get("color")) for c in root.iter(f"{{{NS['q']}}}Code")
               if c.get("isCodable") == "true")
    for element in root.iter():
        if element.get("guid"):
            uuid.UUID(element.get("guid"))  # every GUID is a real one


def test_selections_count_code_points_end_exclusive(project, exported):
    texts = source_texts(exported.path)
    rektor = texts["01_rektor.txt"]
    assert "🙂" in rektor and "kafe\u0301en" in texts["02_laerer.md"]  # the file is the text, as UTF-8
    root = qde(exported.path)
    spans = {(ts.get("name"), int(sel.get("startPosition")), int(sel.get("endPosition")))
             for ts in root.iter(f"{{{NS['q']}}}TextSource") for sel in ts.findall("q:PlainTextSelection", NS)}
    for row in suggestions(project):
        if row.status != "rejected" or row.coder != "AB":
            assert (row.document, row.start, row.end) in spans
    karis = rektor.index("Karis klasse")
    assert ("01_rektor.txt", karis, karis + len("Karis klasse skrev om klima og miljø sammen med partnerskolen i Gdańsk.")) in spans
    assert karis < len(rektor[:karis].encode("utf-16-le")) // 2  # code points, not UTF-16 units
    lisboa = texts["02_laerer.md"]
    start = lisboa.index("Vennskapene")
    assert lisboa[start:start + 62].endswith("kafe\u0301en i Lisboa.")  # the combining accent is its own code point


def test_codings_carry_coder_and_date(exported):
    root = qde(exported.path)
    users = {u.get("name"): u.get("guid") for u in root.iter(f"{{{NS['q']}}}User")}
    assert set(users) == {"TH", "AB", "tagger"}
    found = codings(exported.path)
    sprak = [c for c in found if c[1] == "Elevutbytte/Språkferdigheter" and c[0] == "01_rektor.txt"]
    assert {c[4] for c in sprak} == {"TH", "AB"}  # both coders accepted the same suggestion
    kari = [c for c in found if c[1] == "Elevutbytte/Personlig utvikling, trivsel og mestring" and c[0] == "01_rektor.txt"]
    assert {c[4] for c in kari} == {"TH"}  # AB rejected it
    assert {c[4] for c in found if c[0] == "svar.csv"} == {"tagger"}  # nobody reviewed the survey
    assert ("01_rektor.txt", "Elevutbytte/Sosial inkludering", 239, 259, "AB") in found  # AB's hand-coded span
    for coding in root.iter(f"{{{NS['q']}}}Coding"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", coding.get("creationDateTime"))
        assert coding.get("creatingUser") in users.values()


def test_variables_cases_and_notes(exported):
    root = qde(exported.path)
    variables = {v.get("name"): v.get("guid") for v in root.iter(f"{{{NS['q']}}}Variable")}
    assert {"rolle", "skoletype", "skolenivå", "skole", "informant"} <= set(variables)
    cases = {c.get("name"): c for c in root.iter(f"{{{NS['q']}}}Case")}
    rektor = cases["R1"]
    values = {v.find("q:VariableRef", NS).get("targetGUID"): v.find("q:TextValue", NS).text
              for v in rektor.findall("q:VariableValue", NS)}
    assert values[variables["rolle"]] == "rektor" and values[variables["skole"]] == "Solbakken barneskole"
    assert len(rektor.findall("q:SourceRef", NS)) == 1
    respondent = cases["R1 (svar.csv)"]  # a survey respondent, named apart from the informant R1
    assert respondent.find("q:VariableValue/q:TextValue", NS).text == "videregående"
    # The respondent's answer (uncoded, so a client links the variables to it) and the coded words in it.
    survey = next(ts for ts in root.iter(f"{{{NS['q']}}}TextSource") if ts.get("name") == "svar.csv")
    text = source_texts(exported.path)["svar.csv"]
    selections = {sel.get("guid"): text[int(sel.get("startPosition")):int(sel.get("endPosition"))]
                  for sel in survey.findall("q:PlainTextSelection", NS)}
    assert [selections[ref.get("targetGUID")] for ref in respondent.findall("q:SelectionRef", NS)] == [
        "engelsk | nye venner | mestring", "engelsk", "nye venner", "mestring"]
    assert [selections[ref.get("targetGUID")] for ref in cases["R3 (svar.csv)" if "R3 (svar.csv)" in cases else "R3"]
            .findall("q:SelectionRef", NS)] == ["Vet ikke"]  # nothing coded, the answer still linked
    notes = {n.get("guid"): n.find("q:PlainTextContent", NS).text for n in root.iter(f"{{{NS['q']}}}Note")}
    assert len(notes) == 3
    ref = root.find(".//q:Coding/q:NoteRef", NS)  # TH's memo on a coding sits on the coding
    assert notes[ref.get("targetGUID")].startswith("Tydelig om engelsk")
    ref = root.find(".//q:PlainTextSelection/q:NoteRef", NS)  # AB's memo on a segment, on its selection
    assert notes[ref.get("targetGUID")].startswith("Ola Hansen")
    ref = root.find(".//q:TextSource/q:NoteRef", NS)
    assert notes[ref.get("targetGUID")].startswith("Rektor på Solbakken")


def test_exporting_twice_gives_the_same_file(project, exported, tmp_path):
    again = export_qdpx(project, tmp_path / "igjen.qdpx")
    assert again.path.read_bytes() == exported.path.read_bytes()


def test_qdc_codebook_validates(project, tmp_path):
    report = export_qdc(project, tmp_path / "elevutbytte.qdc")
    root = etree.parse(str(report.path))
    assert xsd("Codebook.xsd").validate(root), xsd("Codebook.xsd").error_log
    codes = root.findall(".//c:Code", NS)
    assert [c.get("name") for c in codes][:2] == ["Nøkkelkompetanser", "Språkferdigheter"]
    assert codes[1].get("color") == "#7FBC41" and codes[1].find("c:Description", NS).text.startswith("Ferdigheter i engelsk")


# -- round trip ------------------------------------------------------------------------------

def test_export_validate_import_export_keeps_every_coding(project, exported, tmp_path):
    assert xsd("Project.xsd").validate(qde(exported.path))
    fresh = Project.create(tmp_path / "kopi.qualcode")
    report = import_refi(fresh, exported.path)
    assert sorted(report.documents_added) == ["01_rektor.txt", "02_laerer.md", "svar.csv"]
    assert report.codings_added == 13 and report.suggestions_added == 5 and report.memos_added == 3  # TH 7, AB 6
    again = export_qdpx(fresh, tmp_path / "igjen.qdpx")
    assert xsd("Project.xsd").validate(qde(again.path))
    assert codings(again.path) == codings(exported.path)
    assert source_texts(again.path) == source_texts(exported.path)
    def notes(path):
        return sorted(n.find("q:PlainTextContent", NS).text for n in qde(path).iter(f"{{{NS['q']}}}Note"))

    assert notes(again.path) == notes(exported.path)
    # The coders' judgements came back as theirs: agreement is what it was.
    before, after = agreement(project, "TH", "AB", "elevutbytte"), agreement(fresh, "TH", "AB", "elevutbytte")
    assert (after.pooled_kappa, after.alpha, after.units) == (before.pooled_kappa, before.alpha, before.units)


def test_importing_our_own_export_into_the_same_project_adds_nothing(project, exported, tmp_path):
    same = copy_project(project, tmp_path / "samme.qualcode")
    before = snapshot(same.location)
    report = import_refi(same, exported.path)
    assert report.categories_added == 0 and report.documents_added == [] and report.codings_added == 0
    assert report.codings_existing == 18
    assert snapshot(same.location) == before


# -- import of other programs' files ---------------------------------------------------------

def g(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name)).upper()  # other programs often write upper case


KOORDINATOR = ("Intervjuer: Hvordan gikk utvekslingen?\r\n"
               "Koordinator: Elevene snakket engelsk hele uka – også på bussen 🚌.\r\n"
               "Intervjuer: Og vennskapene?\r\n"
               "Koordinator: Noen av dem skriver fortsatt sammen.\r\n")


def foreign_qdpx(path: Path, *, project_xml: str | None = None, sources: dict[str, bytes] | None = None) -> Path:
    """A .qdpx as another program writes it: Windows line ends, a 'Sources' folder with a capital S,
    upper-case GUIDs, a rich-text twin, a picture, sets and links."""
    text = KOORDINATOR
    english = text.index("snakket engelsk hele uka")
    across = text.index("Noen av dem")  # a selection running from one turn into the next
    xml = project_xml or f"""<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Utveksling" origin="NVivo 14">
  <Users><User guid="{g('ingrid')}" name="Ingrid Dahl"/><User guid="{g('per')}" name="Per Lie"/></Users>
  <CodeBook><Codes>
    <Code guid="{g('utbytte')}" name="Utbytte" isCodable="false">
      <Code guid="{g('sprak')}" name="Språk" isCodable="true" color="#7fbc41">
        <Description>Engelsk og andre språk</Description>
        <Code guid="{g('engelsk')}" name="Engelsk" isCodable="true" color="#abc"/>
      </Code>
      <Code guid="{g('vennskap')}" name="Vennskap" isCodable="true"/>
    </Code>
    <Code guid="{g('utfordring')}" name="Utfordringer" isCodable="true" color="#D7301F"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="{g('rolle')}" name="rolle" typeOfVariable="Text"/>
    <Variable guid="{g('elever')}" name="antall elever" typeOfVariable="Integer"/>
  </Variables>
  <Cases>
    <Case guid="{g('case')}" name="Koordinator 1">
      <VariableValue><VariableRef targetGUID="{g('rolle')}"/><TextValue>koordinator</TextValue></VariableValue>
      <SourceRef targetGUID="{g('kilde')}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="{g('kilde')}" name="Koordinator.docx" plainTextPath="internal://{g('tekst')}.txt"
                richTextPath="internal://{g('docx')}.docx" creatingUser="{g('ingrid')}" creationDateTime="2024-03-01T09:00:00Z">
      <Description>Første intervju</Description>
      <PlainTextSelection guid="{g('sel1')}" name="snakket engelsk" startPosition="{english}"
                          endPosition="{english + len('snakket engelsk hele uka')}" creatingUser="{g('ingrid')}"
                          creationDateTime="2024-03-02T10:00:00Z">
        <Description>Godt sitat</Description>
        <Coding guid="{g('c1')}" creatingUser="{g('ingrid')}" creationDateTime="2024-03-02T10:00:00Z">
          <CodeRef targetGUID="{g('engelsk')}"/><NoteRef targetGUID="{g('note1')}"/>
        </Coding>
        <Coding guid="{g('c2')}" creatingUser="{g('per')}" creationDateTime="2024-03-03T11:00:00Z">
          <CodeRef targetGUID="{g('engelsk')}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{g('sel2')}" startPosition="{text.index('Og vennskapene')}"
                          endPosition="{across + len('Noen av dem')}" creatingUser="{g('per')}"
                          creationDateTime="2024-03-03T11:05:00Z">
        <Coding guid="{g('c3')}" creatingUser="{g('per')}" creationDateTime="2024-03-03T11:05:00Z">
          <CodeRef targetGUID="{g('vennskap')}"/>
        </Coding>
      </PlainTextSelection>
      <Coding guid="{g('c4')}"><CodeRef targetGUID="{g('utfordring')}"/></Coding>
      <VariableValue><VariableRef targetGUID="{g('elever')}"/><IntegerValue>24</IntegerValue></VariableValue>
    </TextSource>
    <PictureSource guid="{g('bilde')}" name="Klassebilde.jpg" path="internal://{g('jpg')}.jpg"/>
  </Sources>
  <Notes>
    <Note guid="{g('note1')}" name="Notat" creatingUser="{g('ingrid')}" creationDateTime="2024-03-02T10:01:00Z">
      <PlainTextContent>Typisk for hele gruppa.</PlainTextContent>
    </Note>
    <Note guid="{g('journal')}" name="Logg" creatingUser="{g('per')}" creationDateTime="2024-03-04T08:00:00Z"
          plainTextPath="internal://{g('journal')}.txt"/>
  </Notes>
  <Links><Link guid="{g('link')}" originGUID="{g('note1')}" targetGUID="{g('sel1')}"/></Links>
  <Sets><Set guid="{g('set')}" name="Koordinatorer"><MemberSource targetGUID="{g('kilde')}"/></Set></Sets>
</Project>"""
    files = sources if sources is not None else {
        f"Sources/{g('tekst')}.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),  # with a byte-order mark
        f"Sources/{g('docx')}.docx": b"PK not really a docx",
        f"Sources/{g('jpg')}.jpg": b"\xff\xd8\xff",
        f"Sources/{g('journal')}.txt": "Vi må snakke om bussen.".encode(),
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", xml.encode("utf-8"))
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def coded_texts(project: Project) -> set[tuple[str, str, str]]:
    c, s, d, cat = schema.codings, schema.segments, schema.documents, schema.categories
    with project.read() as conn:
        rows = conn.execute(select(d.c.text, c.c.start, c.c.end, cat.c.label, c.c.coder)
                            .join(s, s.c.id == c.c.segment_id).join(d, d.c.id == s.c.document_id)
                            .join(cat, cat.c.id == c.c.category_id)).all()
    return {(text[start:end], label, coder) for text, start, end, label, coder in rows}


def test_import_a_project_from_another_program(tmp_path):
    project = Project.create(tmp_path / "import.qualcode")
    report = import_refi(project, foreign_qdpx(tmp_path / "fra_nvivo.qdpx"))
    assert report.documents_added == ["Koordinator.docx"]
    assert sorted(report.coders) == ["Ingrid Dahl", "Per Lie"]
    found = coded_texts(project)
    # Offsets counted code points in the file with \r\n; they still find the same words.
    assert ("snakket engelsk hele uka", "Engelsk", "Ingrid Dahl") in found
    assert ("snakket engelsk hele uka", "Engelsk", "Per Lie") in found
    # The selection across two turns is split at the turn boundary; each part keeps its words.
    assert {t for t, label, _ in found if label == "Vennskap"} == {"Og vennskapene?", "Noen av dem"}
    with project.read() as conn:
        doc = conn.execute(select(schema.documents)).one()
        memos = dict(conn.execute(select(schema.memos.c.text, schema.memos.c.coder)).all())
        variables = set(conn.execute(select(schema.variables.c.name)).scalars())
        log = conn.execute(select(schema.decisions.c.action).where(schema.decisions.c.coding_id.is_not(None))).scalars().all()
    assert "\r" not in doc.text and doc.kind == "interview"
    assert doc.meta == {"rolle": "koordinator", "antall elever": 24}
    assert {"rolle", "antall elever"} <= variables
    assert memos == {"Første intervju": "Ingrid Dahl", "Godt sitat": "Ingrid Dahl", "Typisk for hele gruppa.": "Ingrid Dahl",
                     "Vi må snakke om bussen.": "Per Lie"}
    assert set(log) == {"import"}
    # The codebook: the folder stays as the parent category, colours normalised, grey for the folder.
    book = stored_codebooks(project, ["fra_nvivo"])[0]
    cats = {c.label: c for c in book.categories}
    assert cats["Engelsk"].parent == cats["Språk"].id and cats["Språk"].parent == cats["Utbytte"].id
    assert cats["Engelsk"].color == "#AABBCC" and cats["Språk"].color == "#7FBC41" and cats["Utbytte"].color == "#999999"
    assert cats["Vennskap"].color.startswith("#") and cats["Språk"].description == "Engelsk og andre språk"
    dropped = " | ".join(report.dropped)
    for what in ("1 picture sources", "1 sets", "1 links", "1 codings of whole sources", "formatted (.docx)",
                 "split at the turn boundaries"):
        assert what in dropped


def test_import_never_changes_human_decisions(project, tmp_path):
    target = copy_project(project, tmp_path / "beslutninger.qualcode")
    with target.read() as conn:
        before = conn.execute(select(schema.codings).order_by(schema.codings.c.id)).all()
        log = conn.execute(select(schema.decisions).order_by(schema.decisions.c.id)).all()
    # Another program codes the same rektor interview: the same sentence, another coder.
    rektor = source_texts(export_qdpx(project, tmp_path / "e.qdpx").path)["01_rektor.txt"]
    start = rektor.index("Elevene fikk")
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Annen" origin="MAXQDA 24">
  <Users><User guid="{g('mia')}" name="Mia"/></Users>
  <CodeBook><Codes><Code guid="{g('x')}" name="Språkferdigheter" isCodable="true" color="#00FF00"/></Codes></CodeBook>
  <Sources><TextSource guid="{g('rektor')}" name="rektor.txt" plainTextPath="internal://{g('rektor')}.txt">
    <PlainTextSelection guid="{g('s')}" startPosition="{start}" endPosition="{start + 12}">
      <Coding guid="{g('k')}" creatingUser="{g('mia')}"><CodeRef targetGUID="{g('x')}"/></Coding>
    </PlainTextSelection></TextSource></Sources>
</Project>"""
    path = foreign_qdpx(tmp_path / "maxqda.qdpx", project_xml=xml, sources={f"sources/{g('rektor')}.txt": rektor.encode()})
    report = import_refi(target, path, codebook_id="elevutbytte")
    assert report.documents_matched == ["01_rektor.txt"] and report.categories_matched == 1
    with target.read() as conn:
        after = conn.execute(select(schema.codings).order_by(schema.codings.c.id)).all()
        log_after = conn.execute(select(schema.decisions).order_by(schema.decisions.c.id)).all()
    assert after[: len(before)] == before and log_after[: len(log)] == log
    assert len(after) == len(before) + 1 and after[-1].coder == "Mia" and after[-1].start == after[0].start


SPEC_CODEBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QDA Miner 6">
<Codes>
<Code guid="{5215cc69-b628-4e02-afb9-9beeaee55808}" name="Temaer" isCodable="false">
  <Code guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}" name="Økonomi" isCodable="true" color="#ffff00">
    <Description>Alt om jobb, skatt og næringsliv</Description>
  </Code>
  <Code guid="{0dcef2f5-e55c-49da-8c33-9b0803c7aeb4}" name="Helse" isCodable="true" color="#33cc33"/>
</Code>
<Code guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" name="Verdier" isCodable="false">
  <Code guid="{7c108712-b650-4892-ac0b-fc9a10190c3b}" name="Konservative" isCodable="true" color="#f00"/>
</Code>
</Codes>
<Sets><Set guid="{12365523-1035-4afa-9e7b-281fe0bc51c5}" name="Politikk">
  <MemberCode guid="{7c108712-b650-4892-ac0b-fc9a10190c3b}"/></Set></Sets>
</CodeBook>
"""


def test_import_a_codebook_and_write_it_as_yaml(tmp_path):
    path = tmp_path / "temaer.qdc"
    path.write_text(SPEC_CODEBOOK, encoding="utf-8")
    assert xsd("Codebook.xsd").validate(etree.parse(str(path)))  # built as the spec's example 1
    project = Project.create(tmp_path / "kodebok.qualcode")
    report = import_refi(project, path)
    book = report.codebooks[0]
    assert book.id == "temaer" and report.categories_added == 5
    cats = {c.label: c for c in book.categories}
    assert cats["Økonomi"].parent == "temaer" and cats["Økonomi"].color == "#FFFF00"
    assert cats["Konservative"].color == "#FF0000" and cats["Konservative"].parent == "verdier"
    assert cats["Økonomi"].description == "Alt om jobb, skatt og næringsliv"
    assert report.dropped == ["1 code sets"]
    assert [b.id for b in stored_codebooks(project)] == ["temaer"]
    yaml_path = write_codebook_yaml(book, tmp_path / "temaer.yaml", path.name)
    with pytest.raises(CodebookError, match="has no rule"):
        load_codebook(yaml_path)  # the analyst must add rules first, and the file says so
    assert "no rules yet" in yaml_path.read_text(encoding="utf-8")
    filled = yaml_path.read_text(encoding="utf-8").replace("terms: []            # TODO: lemmas that are evidence",
                                                            "terms: [ord]")
    yaml_path.write_text(filled, encoding="utf-8")
    loaded = load_codebook(yaml_path)
    assert [(c.id, c.label, c.color, c.parent) for c in loaded.categories] == [
        (c.id, c.label, c.color, c.parent) for c in book.categories]


def _write(path: Path, content: bytes | str) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


BAD_FILES = {
    "not a zip": ("ikke_zip.qdpx", lambda p: _write(p, "dette er ikke en zip"), "not a zip archive"),
    "no project.qde": ("tom.qdpx", lambda p: zipfile.ZipFile(p, "w").writestr("sources/a.txt", "tekst") or p,
                       "holds no project.qde"),
    "schema": ("ugyldig.qdpx", lambda p: foreign_qdpx(p, project_xml=(
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>'
        f'<Code guid="{g("a")}" name="Uten isCodable"/></Codes></CodeBook></Project>'), sources={}),
        "line 1: .*isCodable.*REFI-QDA schema"),
    "namespace typo": ("navnerom.qdpx", lambda p: foreign_qdpx(p, project_xml=(
        '<Project xmlns="urn:QDA-XML:project:1:0" name="x"/>'), sources={}), "namespace is 'urn:QDA-XML:project:1:0'"),
    "missing source": ("mangler.qdpx", lambda p: foreign_qdpx(p, sources={}), "is not in the file"),
    "selection past the end": ("utenfor.qdpx", lambda p: foreign_qdpx(p, sources={
        f"sources/{g('tekst')}.txt": b"Kort tekst.", f"sources/{g('journal')}.txt": b"Logg"}), "outside the text"),
    "broken codebook": ("brutt.qdc", lambda p: _write(p, "<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes>"),
                        "not well-formed XML"),
    "wrong suffix": ("kodebok.txt", lambda p: _write(p, "Temaer"), "imports REFI-QDA codebooks"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_file_is_one_clear_error_and_changes_nothing(project, tmp_path, case):
    name, make, message = BAD_FILES[case]
    target = copy_project(project, tmp_path / "urørt.qualcode")
    path = make(tmp_path / name)
    before = snapshot(target.location)
    with pytest.raises(ExchangeError, match=message) as error:
        import_refi(target, path)
    assert name in str(error.value)
    assert snapshot(target.location) == before


# -- pseudonymised export and the command line -----------------------------------------------

def test_pseudonymised_qdpx_replaces_names_and_moves_offsets(project, tmp_path):
    before = snapshot(project.location)
    names = NameList(persons=["Kari Nordmann", "Ola Hansen"], keep=["Polen"])
    pseudonymiser = Pseudonymiser.for_project(project, names)
    report = export_qdpx(project, tmp_path / "anonym.qdpx", pseudonymiser=pseudonymiser)
    assert xsd("Project.xsd").validate(qde(report.path))
    texts = source_texts(report.path)
    rektor, laerer = texts["01_rektor.txt"], texts["02_laerer.md"]
    for name in ("Kari", "Nordmann", "Ola", "Hansen", "Solbakken", "Fjordvik"):
        assert name not in rektor + laerer
    assert "Person 1, som er kontaktlærer" in rektor and "Person 1s klasse" in rektor  # genitive kept
    assert "Her på Skole A har vi" in rektor and "Person 2 fra Skole B fikk" in laerer
    assert "i Polen" in rektor  # on the keep list
    root = qde(report.path)
    spans = [(ts.get("name"), sel) for ts in root.iter(f"{{{NS['q']}}}TextSource")
             for sel in ts.findall("q:PlainTextSelection", NS)]
    coded = {texts[name][int(s.get("startPosition")):int(s.get("endPosition"))] for name, s in spans}
    assert "Person 1s klasse skrev om klima og miljø sammen med partnerskolen i Gdańsk." in coded
    assert "Person 2 fra Skole B fikk mye selvtillit." in coded
    notes = " ".join(n.text for n in root.iter(f"{{{NS['q']}}}PlainTextContent"))
    assert "Kari" not in notes and "Person 2: sjekk samtykke" in notes
    assert snapshot(project.location) == before  # the project itself is untouched


def test_cli_export_and_import(project, tmp_path):
    out = tmp_path / "cli.qdpx"
    result = runner.invoke(app, ["export", project.location, "--format", "qdpx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "18 codings" in result.output and out.is_file()
    fresh = tmp_path / "ny.qualcode"
    Project.create(fresh).close()
    result = runner.invoke(app, ["import", str(fresh), str(out), "--write-yaml", str(tmp_path / "kodebok.yaml")])
    assert result.exit_code == 0, result.output
    assert "13 codings" in result.output and "Not imported: 3 cases" in result.output
    assert "terms: []" in (tmp_path / "kodebok.yaml").read_text(encoding="utf-8")
    bad = foreign_qdpx(tmp_path / "mangler.qdpx", sources={})
    result = runner.invoke(app, ["import", str(fresh), str(bad)])
    assert result.exit_code != 0 and "mangler.qdpx" in result.output and "The project was not changed" in result.output
