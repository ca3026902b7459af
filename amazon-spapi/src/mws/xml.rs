//! A small, lenient element tree over quick-xml, and the helpers the typed MWS answers are read with.
//!
//! MWS answers are small (a page of at most 100 orders), so they are read into a tree first and the typed
//! models pick what they know from it: element names are matched without their namespace prefix, unknown
//! elements are ignored, missing elements become `None`, and text is trimmed. Only malformed XML fails.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use quick_xml::events::Event;
use quick_xml::Reader;
use rust_decimal::Decimal;

/// Deepest nesting accepted; MWS answers nest about six levels, so this only guards against hostile input.
const MAX_DEPTH: usize = 64;

/// One XML element: its local name (namespace prefix removed), its text, and its child elements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// Local name, for example `Order`.
    pub name: String,
    /// The element's own text (text and CDATA directly inside it), trimmed.
    pub text: String,
    /// Child elements in document order.
    pub children: Vec<Element>,
}

/// Why an XML document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// What went wrong, without any of the document's text.
    pub reason: String,
    /// Byte offset in the document where the reader stopped.
    pub position: u64,
}

impl Element {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Follows a path of child names, for example `["ListOrdersResult", "Orders"]`.
    pub fn path(&self, names: &[&str]) -> Option<&Element> {
        let mut at = self;
        for name in names {
            at = at.child(name)?;
        }
        Some(at)
    }

    /// The trimmed text of child `name`, `None` when the child is missing or empty.
    pub fn text_of(&self, name: &str) -> Option<String> {
        self.child(name).map(|c| c.text.clone()).filter(|t| !t.is_empty())
    }

    /// Child `name` parsed as a number; missing, empty or unparseable text gives `None`.
    pub fn parse_of<T: FromStr>(&self, name: &str) -> Option<T> {
        self.child(name).and_then(|c| c.text.parse().ok())
    }

    /// Child `name` as a boolean: `true`/`false` in any case, also `1`/`0`, `Y`/`N` and `yes`/`no`.
    pub fn bool_of(&self, name: &str) -> Option<bool> {
        self.child(name).and_then(|c| parse_bool(&c.text))
    }

    /// Child `name` as a UTC time (RFC 3339 / ISO 8601 with an offset, or without one, read as UTC).
    pub fn time_of(&self, name: &str) -> Option<DateTime<Utc>> {
        self.child(name).and_then(|c| parse_time(&c.text))
    }

    /// Child `name` as a decimal.
    pub fn decimal_of(&self, name: &str) -> Option<Decimal> {
        self.child(name).and_then(|c| parse_decimal(&c.text))
    }

    /// The texts of every `item` child of child `list`, for example `PromotionIds/PromotionId`.
    pub fn texts_of(&self, list: &str, item: &str) -> Vec<String> {
        self.child(list)
            .map(|l| {
                l.children_named(item)
                    .map(|c| c.text.clone())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Lenient boolean: `true`/`false` in any case, `1`/`0`, `Y`/`N`, `yes`/`no`.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "y" | "yes" => Some(true),
        "false" | "0" | "n" | "no" => Some(false),
        _ => None,
    }
}

/// Lenient time: RFC 3339 (`2024-01-02T03:04:05Z`, `...05.123+01:00`) or a naive ISO 8601 time read as UTC.
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(text, format) {
            return Some(t.and_utc());
        }
        if let Ok(t) = DateTime::parse_from_str(text, format) {
            return Some(t.with_timezone(&Utc));
        }
    }
    None
}

/// Lenient decimal: surrounding blanks are ignored; scientific notation is accepted.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    Decimal::from_str(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())
}

/// Reads `bytes` into an element tree and returns the root element.
///
/// Bytes that are not valid UTF-8 are replaced (MWS sends UTF-8), namespace prefixes are dropped from
/// element names, text and CDATA are concatenated per element and trimmed.
///
/// # Errors
///
/// [`XmlError`] when the document is not well-formed XML, has no root element, or nests deeper than 64.
pub fn parse(bytes: &[u8]) -> Result<Element, XmlError> {
    let text = String::from_utf8_lossy(bytes);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let fail = |reason: String, reader: &Reader<&[u8]>| XmlError {
        reason,
        position: reader.buffer_position(),
    };
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => return Err(fail(format!("malformed XML: {e}"), &reader)),
        };
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(format!("elements nest deeper than {MAX_DEPTH}"), &reader));
                }
                let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                stack.push(Element {
                    name,
                    ..Element::default()
                });
            }
            Event::Empty(start) => {
                let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                let element = Element {
                    name,
                    ..Element::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None if root.is_none() => root = Some(element),
                    None => return Err(fail("more than one root element".to_owned(), &reader)),
                }
            }
            Event::End(_) => {
                let Some(mut element) = stack.pop() else {
                    return Err(fail("closing tag without opening tag".to_owned(), &reader));
                };
                let trimmed = element.text.trim();
                if trimmed.len() != element.text.len() {
                    element.text = trimmed.to_owned();
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None if root.is_none() => root = Some(element),
                    None => return Err(fail("more than one root element".to_owned(), &reader)),
                }
            }
            Event::Text(t) => {
                if let Some(current) = stack.last_mut() {
                    match t.unescape() {
                        Ok(s) => current.text.push_str(&s),
                        Err(e) => return Err(fail(format!("bad character reference: {e}"), &reader)),
                    }
                }
            }
            Event::CData(c) => {
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&String::from_utf8_lossy(&c.into_inner()));
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(fail("document ends inside an element".to_owned(), &reader));
    }
    root.ok_or_else(|| fail("no root element".to_owned(), &reader))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_namespaced_tree_with_cdata_and_entities() {
        let doc = br#"<?xml version="1.0"?>
<a:Root xmlns:a="urn:x"><a:Child> one &amp; two </a:Child><Empty/><C><![CDATA[<raw>]]></C><C>2</C></a:Root>"#;
        let root = parse(doc).unwrap();
        assert_eq!(root.name, "Root");
        assert_eq!(root.text_of("Child").as_deref(), Some("one & two"));
        assert_eq!(root.text_of("Empty"), None);
        assert!(root.child("Empty").is_some());
        assert_eq!(root.children_named("C").count(), 2);
        assert_eq!(root.text_of("C").as_deref(), Some("<raw>"));
    }

    #[test]
    fn malformed_documents_fail() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"<a>").is_err());
        assert!(parse(b"").is_err());
        assert!(parse(b"<a/><b/>").is_err());
        let deep = "<x>".repeat(100) + &"</x>".repeat(100);
        assert!(parse(deep.as_bytes()).is_err());
    }

    #[test]
    fn lenient_scalars() {
        assert_eq!(parse_bool(" TRUE "), Some(true));
        assert_eq!(parse_bool("0"), Some(false));
        assert_eq!(parse_bool("maybe"), None);
        assert_eq!(
            parse_time("2013-09-05T00:06:07Z").unwrap().to_rfc3339(),
            "2013-09-05T00:06:07+00:00"
        );
        assert_eq!(
            parse_time("2013-09-05T02:06:07.000+02:00").unwrap().to_rfc3339(),
            "2013-09-05T00:06:07+00:00"
        );
        assert_eq!(
            parse_time("2013-09-05T00:06:07").unwrap().to_rfc3339(),
            "2013-09-05T00:06:07+00:00"
        );
        assert_eq!(parse_decimal(" 25.99 ").unwrap().to_string(), "25.99");
        assert!(parse_decimal("n/a").is_none());
    }
}
