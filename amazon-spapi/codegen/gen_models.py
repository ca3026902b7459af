#!/usr/bin/env python3
"""Generates `models.rs` for one SP-API model (Swagger 2.0) as readable, lenient serde structs.

Usage: gen_models.py <model.json> <out.rs> <module title> [--pii Def.field,Def.*,...]

Rules (see amazon-api-facts.md, "Pitfalls"):
- every property is an `Option` (Amazon leaves out fields its model calls required);
- booleans/integers/decimals go through lenient deserializers that accept strings;
- enums are lenient (`Unknown(String)` keeps values the model does not list);
- `number` is `rust_decimal::Decimal`, `date-time` is `chrono::DateTime<Utc>`;
- request-reachable structs get a `collect_missing` method listing absent required fields (checked at send);
- fields flagged as PII are redacted from `Debug`.
"""
import json
import re
import sys

RUST_KEYWORDS = {"type", "ref", "match", "fn", "mod", "use", "self", "struct", "enum", "impl", "trait", "move",
                 "box", "where", "loop", "in", "for", "as", "const", "static", "crate", "super", "dyn", "async",
                 "await", "let", "mut", "pub", "return", "if", "else", "while", "break", "continue", "true",
                 "false", "extern", "unsafe", "override", "final", "abstract", "macro", "yield", "priv", "do",
                 "virtual", "typeof", "unsized", "become", "try", "gen"}

HELP = {
    "bool": "crate::de::opt_bool",
    "int": "crate::de::opt_int",
    "decimal_num": "crate::de::opt_decimal",
    "decimal_str": "crate::de::opt_decimal",
    "datetime": "crate::de::opt_datetime",
    "string": "crate::de::opt_string",
}
SER = {
    "decimal_num": "wire::opt_decimal_number",
    "datetime": "wire::opt_datetime_millis",
}
WIRE_HEAD = """
/// Serializers for request bodies: Amazon's `number` fields as JSON numbers (not the string form
/// `rust_decimal` uses by default) and timestamps in the millisecond ISO 8601 form of Amazon's examples.
mod wire {
"""
WIRE_DEC = """
    use rust_decimal::prelude::ToPrimitive;

    pub(super) fn opt_decimal_number<S: serde::Serializer>(
        v: &Option<rust_decimal::Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(d) if d.fract().is_zero() => match d.to_i64() {
                Some(i) => s.serialize_i64(i),
                None => s.serialize_f64(d.to_f64().unwrap_or(f64::MAX)),
            },
            Some(d) => match d.to_f64() {
                Some(f) => s.serialize_f64(f),
                None => s.serialize_str(&d.to_string()),
            },
        }
    }
"""
WIRE_DT = """
    pub(super) fn opt_datetime_millis<S: serde::Serializer>(
        v: &Option<chrono::DateTime<chrono::Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        }
    }
"""


ID_TYPES = {}  # JSON field name -> identifier newtype (defined in the API's ids.rs)


def snake(name):
    s = re.sub(r"[^A-Za-z0-9]+", "_", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = s.lower().strip("_")
    s = re.sub(r"_+", "_", s)
    if s in RUST_KEYWORDS:
        s = "r#" + s
    if s[0].isdigit():
        s = "n_" + s
    return s


def pascal(name):
    parts = re.split(r"[^A-Za-z0-9]+", name)
    out = []
    for p in parts:
        if not p:
            continue
        # split camelCase inside the part
        for sub in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[A-Z]", p):
            out.append(sub[0].upper() + sub[1:].lower() if sub.isupper() and len(sub) > 1 else sub[0].upper() + sub[1:])
    s = "".join(out) or "Empty"
    if s[0].isdigit():
        s = "V" + s
    return s


def doc(text, indent=""):
    """First paragraph of an Amazon description, made safe for rustdoc."""
    if not text:
        return ""
    text = text.strip().split("\n\n")[0]
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)  # HTML tags (anchors, line breaks)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # markdown links -> text
    text = re.sub(r"https?://\S+", "(see Amazon's documentation)", text)
    text = text.replace("[", "\\[").replace("]", "\\]")
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\*\*", "", text)
    lines = []
    for raw in text.split("\n"):
        raw = raw.strip()
        if raw.startswith("|") or raw.startswith("#"):
            continue
        lines.append(raw)
    text = " ".join(l for l in lines if l)
    if len(text) > 600:
        cut = text[:600].rfind(". ")
        text = text[: cut + 1] if cut > 100 else text[:600] + "..."
    words = text.split(" ")
    out, cur = [], ""
    width = 100 - len(indent)
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        out.append(cur)
    return "".join(f"{indent}/// {l}\n" for l in out)


class Gen:
    def __init__(self, model, pii):
        self.m = model
        self.defs = model["definitions"]
        self.pii = pii
        self.enums = {}  # rust name -> (values, description)
        self.structs = {}  # rust name -> dict
        self.order = []
        self.request_reachable = set()

    def ref_name(self, ref):
        return ref.split("/")[-1]

    def resolve(self, schema, ctx):
        """Returns (rust type, kind, struct_name_or_None)."""
        if "$ref" in schema:
            name = self.ref_name(schema["$ref"])
            d = self.defs[name]
            if d.get("type", "object") == "object" and ("properties" in d or "allOf" in d) and "enum" not in d:
                return (name, "struct", name)
            if "enum" in d:
                rn = pascal(name)
                self.enums.setdefault(rn, (d["enum"], d.get("description", "")))
                return (rn, "enum", None)
            if name == "Decimal":
                return ("Decimal", "decimal_str", None)
            return self.resolve(d, name)
        if "allOf" in schema:
            return self.resolve(schema["allOf"][0], ctx)
        t = schema.get("type")
        if "enum" in schema:
            rn = pascal(ctx)
            self.enums.setdefault(rn, (schema["enum"], schema.get("description", "")))
            return (rn, "enum", None)
        if t == "string":
            f = schema.get("format")
            if f == "date-time":
                return ("DateTime<Utc>", "datetime", None)
            return ("String", "string", None)
        if t == "boolean":
            return ("bool", "bool", None)
        if t == "integer":
            return ("i64", "int", None)
        if t == "number":
            return ("Decimal", "decimal_num", None)
        if t == "array":
            inner, kind, sname = self.resolve(schema.get("items", {}), ctx + "Item")
            return (f"Vec<{inner}>", "vec", sname)
        if t == "object" or t is None:
            if "properties" in schema:
                # inline object: make a struct
                rn = pascal(ctx)
                self.add_struct(rn, schema)
                return (rn, "struct", rn)
            if isinstance(schema.get("additionalProperties"), dict):
                inner = schema["additionalProperties"]
                if inner.get("type") == "string":
                    return ("BTreeMap<String, String>", "map", None)
            return ("serde_json::Value", "value", None)
        return ("serde_json::Value", "value", None)

    def add_struct(self, name, schema):
        if name in self.structs:
            return
        self.structs[name] = None
        props = {}
        required = set(schema.get("required", []))
        if "allOf" in schema:
            for part in schema["allOf"]:
                sub = self.defs[self.ref_name(part["$ref"])] if "$ref" in part else part
                props.update(sub.get("properties", {}))
                required |= set(sub.get("required", []))
        props.update(schema.get("properties", {}))
        fields = []
        for pname, p in props.items():
            ctx = name + pascal(pname)
            rtype, kind, sname = self.resolve(p, ctx)
            if pname in ID_TYPES and rtype == "String":
                rtype, kind = ID_TYPES[pname], "id"
            desc = p.get("description") or (self.defs.get(self.ref_name(p["$ref"]), {}).get("description") if "$ref" in p else "")
            fields.append(dict(json=pname, rust=snake(pname), type=rtype, kind=kind, sname=sname, desc=desc,
                               required=pname in required))
        self.structs[name] = dict(desc=schema.get("description", ""), fields=fields, src=name)
        self.order.append(name)

    def mark_request(self, sname):
        if sname is None or sname in self.request_reachable:
            return
        self.request_reachable.add(sname)
        for f in self.structs[sname]["fields"]:
            if f["kind"] in ("struct", "vec") and f["sname"]:
                self.mark_request(f["sname"])

    def run(self):
        for name, d in self.defs.items():
            if d.get("type", "object") == "object" and ("properties" in d or "allOf" in d) and "enum" not in d:
                self.add_struct(name, d)
            elif "enum" in d:
                self.enums.setdefault(pascal(name), (d["enum"], d.get("description", "")))
        for path, ops in self.m["paths"].items():
            for meth, op in ops.items():
                if not isinstance(op, dict) or "operationId" not in op:
                    continue
                for prm in op.get("parameters", []):
                    if prm.get("in") == "body":
                        _, _, sname = self.resolve(prm["schema"], "Body")
                        self.mark_request(sname)

    def is_pii(self, struct, field):
        return f"{struct}.{field}" in self.pii or (f"{struct}.*" in self.pii and f"{struct}.!{field}" not in self.pii)

    def emit_struct(self, name):
        s = self.structs[name]
        out = []
        out.append(doc(s["desc"]) or f"/// `{name}` in Amazon's model.\n")
        has_pii = any(self.is_pii(name, f["json"]) for f in s["fields"])
        derives = "Clone, Default, PartialEq, Serialize, Deserialize" + ("" if has_pii else ", Debug")
        out.append(f"#[derive({derives})]\n")
        out.append(f"pub struct {name} {{\n")
        for f in s["fields"]:
            d = doc(f["desc"], "    ") or f"    /// `{f['json']}`.\n"
            if f["required"]:
                d += "    ///\n    /// Required by Amazon's model (absent when Amazon leaves it out).\n"
            out.append(d)
            attrs = ["default", 'skip_serializing_if = "Option::is_none"']
            if f["rust"].removeprefix("r#") != f["json"]:
                attrs.insert(0, f'rename = "{f["json"]}"')
            if f["kind"] in HELP:
                attrs.append(f'deserialize_with = "{HELP[f["kind"]]}"')
            if f["kind"] in SER:
                attrs.append(f'serialize_with = "{SER[f["kind"]]}"')
            out.append(f"    #[serde({', '.join(attrs)})]\n")
            out.append(f"    pub {f['rust']}: Option<{f['type']}>,\n")
        out.append("}\n\n")
        if has_pii:
            out.append(f"impl std::fmt::Debug for {name} {{\n")
            out.append("    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n")
            out.append("        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.\n")
            out.append(f'        f.debug_struct("{name}")\n')
            for f in s["fields"]:
                if self.is_pii(name, f["json"]):
                    out.append(f'            .field("{f["rust"].removeprefix("r#")}", &self.{f["rust"]}.as_ref().map(|_| "<redacted>"))\n')
                else:
                    out.append(f'            .field("{f["rust"].removeprefix("r#")}", &self.{f["rust"]})\n')
            out.append("            .finish()\n    }\n}\n\n")
        if name in self.request_reachable:
            out.append(f"impl {name} {{\n")
            out.append("    /// Appends the JSON path of every required field that is absent (recursively) to `out`.\n")
            out.append("    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {\n")
            body = []
            for f in s["fields"]:
                if f["required"]:
                    body.append(f'        if self.{f["rust"]}.is_none() {{\n            out.push(format!("{{prefix}}{f["json"]}"));\n        }}\n')
                if f["kind"] == "struct" and f["sname"] in self.request_reachable:
                    body.append(f'        if let Some(v) = &self.{f["rust"]} {{\n            v.collect_missing(&format!("{{prefix}}{f["json"]}."), out);\n        }}\n')
                if f["kind"] == "vec" and f["sname"] in self.request_reachable and f["type"].count("Vec<") == 1:
                    body.append(f'        for (i, v) in self.{f["rust"]}.iter().flatten().enumerate() {{\n            v.collect_missing(&format!("{{prefix}}{f["json"]}[{{i}}]."), out);\n        }}\n')
            if not body:
                out.append("        let _ = (prefix, out);\n")
            out.extend(body)
            out.append("    }\n}\n\n")
        return "".join(out)

    def emit_enum(self, name, values, desc):
        out = ["crate::lenient_enum! {\n"]
        out.append(doc(desc, "    ") or f"    /// `{name}` in Amazon's model.\n")
        out.append("    ///\n    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.\n")
        out.append(f"    pub enum {name} {{\n")
        seen = set()
        for v in values:
            vn = pascal(str(v))
            while vn in seen or vn == "Unknown":
                vn += "X"
            seen.add(vn)
            out.append(f"        /// `{v}`\n        {vn} = \"{v}\",\n")
        out.append("    }\n}\n\n")
        return "".join(out)


def main():
    src, dst, title = sys.argv[1], sys.argv[2], sys.argv[3]
    pii = set()
    ids = {}
    args = sys.argv[4:]
    while args:
        flag, value = args[0], args[1]
        args = args[2:]
        if flag == "--pii":
            pii = set(value.split(","))
        elif flag == "--ids":
            ids = dict(kv.split("=") for kv in value.split(","))
    ID_TYPES.update(ids)
    model = json.load(open(src))
    g = Gen(model, pii)
    g.run()
    body = []
    for name in sorted(g.enums):
        values, desc = g.enums[name]
        body.append(g.emit_enum(name, values, desc))
    for name in g.order:
        body.append(g.emit_struct(name))
    text = "".join(body)
    wire = ""
    if "wire::opt_decimal_number" in text:
        wire += WIRE_DEC
    if "wire::opt_datetime_millis" in text:
        wire += WIRE_DT
    uses = ["use serde::{Deserialize, Serialize};"]
    if "DateTime<Utc>>," in text:
        uses.insert(0, "use chrono::{DateTime, Utc};")
    if "<Decimal>," in text or "<Vec<Decimal>>," in text:
        uses.append("use rust_decimal::Decimal;")
    if "BTreeMap" in text:
        uses.insert(0, "use std::collections::BTreeMap;")
    used_ids = sorted({t for t in ID_TYPES.values() if f"<{t}>" in text})
    if used_ids:
        uses.append("use super::ids::{" + ", ".join(used_ids) + "};")
    header = (
        f"//! {title}: every definition of Amazon's model, as lenient serde types.\n//!\n"
        f"//! Generated from Amazon's `{src.split('spapi-models/')[-1]}` by `gen_models.py` (see the\n"
        "//! issue note); the output is committed and meant to be read. Every field is an `Option` because\n"
        "//! Amazon leaves out fields its own model calls required; booleans, integers, decimals and strings\n"
        "//! also decode from the other JSON spelling; enums keep unknown values. Fields holding personal\n"
        "//! data (and presigned URLs) are redacted from `Debug`.\n\n"
        + "\n".join(uses) + "\n\n"
    )
    if wire:
        text += WIRE_HEAD + wire + "}\n"
    open(dst, "w").write(header + text)
    print(f"{dst}: {len(g.structs)} structs, {len(g.enums)} enums, {len(g.request_reachable)} request structs")


if __name__ == "__main__":
    main()
