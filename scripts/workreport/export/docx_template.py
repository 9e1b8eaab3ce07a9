"""The office's Word templates: what a DOCX looks like lives in a .docx, what it says comes from the views.

Each official document is rendered (docxtpl) from a template kept beside the other export
templates (``render/templates/export/*.docx``). The office restyles it in Word or WPS without
touching Python: page and margins, the styles (by their Chinese names), the cover, a red
header, the page numbers, the signature. A template names its fields as ``{{ title }}``;
the code hands over exactly the fields in ``FIELDS``, and ``template_problems`` (run by the
tests in CI) reports any field a template uses that the code does not give. The fields that
hold a whole stretch of document (``{{p body }}``) are written by the exporters with
python-docx, into a part that already knows the template's styles and page.

Text from data stays text: fields are XML-escaped, and every brace is written as a character
reference, so nothing in the data can open a template tag of its own or be rewritten.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Mapping
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from ..plain import one_line
from ..stamps import repack_zip
from . import ExportError

FOLDER = Path(__file__).resolve().parent.parent / "render" / "templates" / "export"

COVER_FIELDS = frozenset({"title", "bureau", "date_line", "mark"})
"""Lines of text: the document's title, the bureau, the date line, and the audience's mark (内部资料 or empty)."""
FIELDS: dict[str, frozenset[str]] = {
    "compilation": COVER_FIELDS | {"subtitle", "contents", "body"},
    "summary": COVER_FIELDS | {"body"},
    "review": COVER_FIELDS | {"body"},
}
"""What the code gives each template; ``contents`` and ``body`` are parts (``{{p … }}``), the rest text."""

PROPERTY_LIMIT = 255
# Children of w:settings that must follow w:updateFields.
AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids")


def template_path(name: str) -> Path:
    return FOLDER / f"{name}.docx"


def _environment() -> SandboxedEnvironment:
    # Sandboxed: a template edited in an office's Word cannot reach Python through its tags.
    return SandboxedEnvironment(autoescape=True)


def template_problems(name: str, path: Path | None = None) -> list[str]:
    """What is wrong with a template, in Chinese: tags it cannot parse, fields the code does not give."""
    path = path or template_path(name)
    return list(_problems(name, path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=16)
def _problems(name: str, path: Path, changed: int) -> tuple[str, ...]:
    # Read once per version of the file (``changed``), not once per document: the download centre
    # writes a document per honor from the same template.
    try:
        used = DocxTemplate(str(path)).get_undeclared_template_variables(_environment())
    except TemplateError as error:
        return (f"{path.name}: 模板标记有误：{error}",)
    return tuple(f"{path.name}: 模板用到了程序不提供的字段 {{{{ {field} }}}}（可用：{'、'.join(sorted(FIELDS[name]))}）"
                 for field in sorted(used - FIELDS[name]))


class Part(Subdoc):  # type: ignore[misc]  # docxtpl is untyped
    """A stretch of document for a ``{{p … }}`` field, with the template's styles and page."""

    def _get_xml(self) -> str:
        xml: str = super()._get_xml()
        return _inert(xml)


def _text(value: str | None) -> Markup:
    return Markup(_inert(str(escape(one_line(value or "")))))


def _inert(xml: str) -> str:
    """Braces as character references: docxtpl's own clean-up rewrites “{_{” and “}_}” after rendering."""
    return xml.replace("{", "&#123;").replace("}", "&#125;")


@dataclass(frozen=True)
class Properties:
    """The file's own properties (what Word shows under 文件 › 信息)."""

    title: str
    author: str
    stamp: dt.datetime
    """The data commit's time: the document's date, so the same data gives the same bytes."""
    subject: str = ""


PartWriter = Callable[[DocxDocument], None]


def render_official(
    name: str, fields: Mapping[str, str | None], parts: Mapping[str, PartWriter], path: Path,
    properties: Properties, *, update_fields: bool = False,
) -> None:
    """Fill template ``name`` with ``fields`` and the parts ``parts`` write, and save it at ``path``."""
    problems = template_problems(name)
    if problems:
        raise ExportError("；".join(problems))
    template = DocxTemplate(str(template_path(name)))
    template.init_docx()
    context: dict[str, object] = {key: _text(value) for key, value in fields.items()}
    for key, write in parts.items():
        part = Part(template)
        _take_page(part.subdocx, template.docx)
        write(part.subdocx)
        context[key] = part
    template.render(context, _environment())
    document: DocxDocument = template.docx
    _fold_section_holders(document)
    if update_fields:
        _update_fields_on_open(document)
    _set_properties(document, properties)
    save(document, path, properties.stamp)


def save(document: DocxDocument, path: Path, stamp: dt.datetime) -> None:
    """Write ``document`` at ``path``, its zip entries dated ``stamp``: the same data, the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(repack_zip(buffer.getvalue(), stamp))


def text_width(document: DocxDocument) -> Emu:
    """The width of the text block of the document's last section (the template's page, in a part)."""
    section = document.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return Emu(Mm(156))  # a page that says nothing: GB/T 9704's text block
    return Emu(width - left - right)


def _take_page(part: DocxDocument, template: DocxDocument) -> None:
    """The part's page becomes the template's body page, so ``text_width`` measures what the reader gets."""
    body = part.element.body
    own, theirs = body.sectPr, template.element.body.sectPr
    if own is not None and theirs is not None:
        body.replace(own, deepcopy(theirs))


def _fold_section_holders(document: DocxDocument) -> None:
    """A paragraph that holds only a section break gives it to the paragraph before (as Word does),
    so that no empty line can spill onto a page of its own."""
    body = document.element.body
    for holder in body.xpath("./w:p[w:pPr/w:sectPr][not(w:r)]"):
        previous = holder.getprevious()
        if previous is None or previous.tag != qn("w:p") or previous.xpath("./w:pPr/w:sectPr"):
            continue
        previous.set_sectPr(holder.pPr.sectPr)
        body.remove(holder)


def _update_fields_on_open(document: DocxDocument) -> None:
    """Word and WPS refresh fields (a contents' page numbers) on opening, after asking the reader."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.insert_element_before(update, *AFTER_UPDATE_FIELDS)


def _set_properties(document: DocxDocument, properties: Properties) -> None:
    """The bureau as author and the data's time as the dates, whatever the template said."""
    core = document.core_properties
    now = properties.stamp.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None)
    # Core properties hold one line of at most 255 characters; a bureau's name from data may be longer.
    core.title, core.subject, core.author = (
        one_line(text).strip()[:PROPERTY_LIMIT] for text in (properties.title, properties.subject, properties.author)
    )
    core.last_modified_by = core.author
    core.comments = core.keywords = core.category = ""
    core.language = "zh-CN"
    core.created = core.modified = now
    core.revision = 1
