//! A small XML reader for the order feeds the simulator processes (elements, text and the five predefined
//! entities; declarations, comments and CDATA are handled; namespaces are kept as written).

/// An element with its children and text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Element {
    pub name: String,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    /// The first child with this (local) name.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| local(&c.name) == name)
    }

    /// Every child with this (local) name.
    pub(crate) fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| local(&c.name) == name)
    }

    /// Trimmed text of the first child with this name.
    pub(crate) fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.trim()).filter(|t| !t.is_empty())
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let Some(end) = rest[i..].find(';') else {
            return Err("an '&' without ';'".to_owned());
        };
        let ent = &rest[i + 1..i + end];
        match ent {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            e if e.starts_with("#x") => {
                let c = u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32);
                out.push(c.ok_or_else(|| format!("bad character reference &{e};"))?);
            }
            e if e.starts_with('#') => {
                let c = e[1..].parse::<u32>().ok().and_then(char::from_u32);
                out.push(c.ok_or_else(|| format!("bad character reference &{e};"))?);
            }
            e => return Err(format!("unknown entity &{e};")),
        }
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Parses a document and returns its root element.
pub(crate) fn parse(doc: &str) -> Result<Element, String> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut rest = doc.trim_start_matches('\u{feff}');
    while !rest.is_empty() {
        if let Some(stripped) = rest.strip_prefix("<?") {
            let end = stripped.find("?>").ok_or("unterminated declaration")?;
            rest = &stripped[end + 2..];
        } else if let Some(stripped) = rest.strip_prefix("<!--") {
            let end = stripped.find("-->").ok_or("unterminated comment")?;
            rest = &stripped[end + 3..];
        } else if let Some(stripped) = rest.strip_prefix("<![CDATA[") {
            let end = stripped.find("]]>").ok_or("unterminated CDATA")?;
            if let Some(top) = stack.last_mut() {
                top.text.push_str(&stripped[..end]);
            }
            rest = &stripped[end + 3..];
        } else if let Some(stripped) = rest.strip_prefix("<!") {
            let end = stripped.find('>').ok_or("unterminated doctype")?;
            rest = &stripped[end + 1..];
        } else if let Some(stripped) = rest.strip_prefix("</") {
            let end = stripped.find('>').ok_or("unterminated end tag")?;
            let name = stripped[..end].trim();
            let el = stack.pop().ok_or_else(|| format!("unexpected </{name}>"))?;
            if el.name != name {
                return Err(format!("</{name}> closes <{}>", el.name));
            }
            match stack.last_mut() {
                Some(parent) => parent.children.push(el),
                None => root = Some(el),
            }
            rest = &stripped[end + 1..];
        } else if let Some(stripped) = rest.strip_prefix('<') {
            let end = stripped.find('>').ok_or("unterminated start tag")?;
            let inner = &stripped[..end];
            let self_closing = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name = inner.split_whitespace().next().ok_or("empty tag")?.to_owned();
            if root.is_some() {
                return Err("content after the root element".to_owned());
            }
            let el = Element {
                name,
                ..Element::default()
            };
            if self_closing {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            } else {
                stack.push(el);
            }
            rest = &stripped[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            match stack.last_mut() {
                Some(top) => top.text.push_str(&unescape(text)?),
                None if text.trim().is_empty() => {}
                None => return Err("text outside the root element".to_owned()),
            }
            rest = &rest[end..];
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{}> is never closed", open.name));
    }
    root.ok_or_else(|| "the document has no root element".to_owned())
}

/// Escapes text for XML.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_an_envelope() {
        let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A1</MerchantIdentifier></Header>
  <!-- a comment -->
  <MessageType>OrderFulfillment</MessageType>
  <Message><MessageID>1</MessageID><OrderFulfillment><AmazonOrderID>111-1&amp;2</AmazonOrderID><Item/></OrderFulfillment></Message>
</AmazonEnvelope>"#;
        let root = parse(doc).unwrap();
        assert_eq!(root.name, "AmazonEnvelope");
        assert_eq!(root.text_of("MessageType"), Some("OrderFulfillment"));
        let m = root.child("Message").unwrap();
        assert_eq!(
            m.child("OrderFulfillment").unwrap().text_of("AmazonOrderID"),
            Some("111-1&2")
        );
        assert_eq!(m.child("OrderFulfillment").unwrap().all("Item").count(), 1);
    }

    #[test]
    fn rejects_broken_documents() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
        assert!(parse("no xml").is_err());
        assert!(parse("<a>&bogus;</a>").is_err());
    }
}
