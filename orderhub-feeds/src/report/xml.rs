//! The XML `ProcessingReport` (result document of `POST_ORDER_FULFILLMENT_DATA` and
//! `POST_ORDER_ACKNOWLEDGEMENT_DATA`).

use orderhub_core::FeedResultSummary;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::{decode_text, MessageResult, ParsedReport, ReportError, ReportStatus, Severity};

/// Deepest nesting accepted (a processing report nests five levels).
const MAX_DEPTH: usize = 32;

#[derive(Default)]
struct ResultBuilder {
    message_id: Option<u64>,
    code: Option<String>,
    result_code: Option<String>,
    description: String,
    sku: Option<String>,
}

impl ResultBuilder {
    fn finish(self) -> MessageResult {
        let severity = match self.result_code.as_deref().map(str::trim) {
            Some(c) if c.eq_ignore_ascii_case("error") => Severity::Error,
            Some(c) if c.eq_ignore_ascii_case("warning") => Severity::Warning,
            Some(c) if c.eq_ignore_ascii_case("info") => Severity::Info,
            Some(other) => Severity::Other(other.to_owned()),
            // A result with no code is an error report without detail: count it as an error.
            None => Severity::Error,
        };
        MessageResult {
            message_id: self.message_id.filter(|m| *m > 0),
            severity,
            code: self.code,
            description: self.description.trim().to_owned(),
            sku: self.sku,
        }
    }
}

fn parse_count(text: &str) -> u32 {
    text.trim()
        .parse::<u64>()
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
        .unwrap_or(0)
}

/// Parses an XML `ProcessingReport`.
///
/// # Errors
/// [`ReportError::Empty`], [`ReportError::Xml`] for malformed XML, [`ReportError::TooDeep`], and
/// [`ReportError::NotAProcessingReport`] when the document holds no `ProcessingReport`.
pub fn parse_processing_report(document: &[u8]) -> Result<ParsedReport, ReportError> {
    let text = decode_text(document);
    if text.trim().is_empty() {
        return Err(ReportError::Empty);
    }
    let mut reader = Reader::from_str(&text);
    reader.config_mut().trim_text(true);
    let mut stack: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    let mut seen_report = false;
    let mut status: Option<ReportStatus> = None;
    let mut summary = FeedResultSummary::default();
    let mut seen_summary = false;
    let mut results = Vec::new();
    let mut current: Option<ResultBuilder> = None;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|source| ReportError::Xml { position, source })?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if root.is_none() {
                    root = Some(name.clone());
                }
                if name == "ProcessingReport" {
                    seen_report = true;
                }
                if name == "ProcessingSummary" {
                    seen_summary = true;
                }
                if name == "Result" && stack.last().is_some_and(|p| p == "ProcessingReport") {
                    current = Some(ResultBuilder::default());
                }
                stack.push(name);
                if stack.len() > MAX_DEPTH {
                    return Err(ReportError::TooDeep { max: MAX_DEPTH });
                }
            }
            Event::End(_) => {
                let closed = stack.pop();
                if closed.as_deref() == Some("Result")
                    && stack.last().is_some_and(|p| p == "ProcessingReport")
                {
                    if let Some(r) = current.take() {
                        results.push(r.finish());
                    }
                }
            }
            Event::Empty(e) if root.is_none() => {
                root = Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
            }
            Event::Text(t) => {
                let value = t
                    .unescape()
                    .map_err(|source| ReportError::Xml { position, source })?;
                on_text(&stack, &value, &mut status, &mut summary, current.as_mut());
            }
            Event::CData(c) => {
                let value = String::from_utf8_lossy(&c).into_owned();
                on_text(&stack, &value, &mut status, &mut summary, current.as_mut());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_report {
        let found = match root {
            Some(r) => format!("root element `{}`", r.chars().take(64).collect::<String>()),
            None => "no elements".to_owned(),
        };
        return Err(ReportError::NotAProcessingReport { found });
    }
    Ok(ParsedReport {
        status: status.unwrap_or(ReportStatus::Complete),
        summary: seen_summary.then_some(summary),
        results,
    })
}

fn on_text(
    stack: &[String],
    value: &str,
    status: &mut Option<ReportStatus>,
    summary: &mut FeedResultSummary,
    current: Option<&mut ResultBuilder>,
) {
    let n = stack.len();
    let (Some(leaf), Some(parent)) = (
        stack.last().map(String::as_str),
        n.checked_sub(2).and_then(|i| stack.get(i)),
    ) else {
        return;
    };
    match (parent.as_str(), leaf) {
        ("ProcessingReport", "StatusCode") => {
            *status = Some(match value.trim() {
                "Complete" => ReportStatus::Complete,
                "Processing" => ReportStatus::Processing,
                "Rejected" => ReportStatus::Rejected,
                other => ReportStatus::Other(other.to_owned()),
            });
        }
        ("ProcessingSummary", "MessagesProcessed") => summary.processed = parse_count(value),
        ("ProcessingSummary", "MessagesSuccessful") => summary.successful = parse_count(value),
        ("ProcessingSummary", "MessagesWithError") => summary.errors = parse_count(value),
        ("ProcessingSummary", "MessagesWithWarning") => summary.warnings = parse_count(value),
        ("Result", field) => {
            if let Some(r) = current {
                match field {
                    "MessageID" => r.message_id = value.trim().parse().ok(),
                    "ResultCode" => r.result_code = Some(value.trim().to_owned()),
                    "ResultMessageCode" => r.code = Some(value.trim().to_owned()),
                    "ResultDescription" => r.description.push_str(value),
                    _ => {}
                }
            }
        }
        ("AdditionalInfo", "SKU") => {
            if let Some(r) = current {
                r.sku = Some(value.trim().to_owned());
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_report() {
        let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A1</MerchantIdentifier></Header>
  <MessageType>ProcessingReport</MessageType>
  <Message>
    <MessageID>1</MessageID>
    <ProcessingReport>
      <DocumentTransactionID>4242</DocumentTransactionID>
      <StatusCode>Complete</StatusCode>
      <ProcessingSummary>
        <MessagesProcessed>3</MessagesProcessed>
        <MessagesSuccessful>2</MessagesSuccessful>
        <MessagesWithError>1</MessagesWithError>
        <MessagesWithWarning>0</MessagesWithWarning>
      </ProcessingSummary>
      <Result>
        <MessageID>2</MessageID>
        <ResultCode>Error</ResultCode>
        <ResultMessageCode>18028</ResultMessageCode>
        <ResultDescription>The order id &amp; item don&apos;t match</ResultDescription>
        <AdditionalInfo><AmazonOrderID>111-2222222-3333333</AmazonOrderID></AdditionalInfo>
      </Result>
    </ProcessingReport>
  </Message>
</AmazonEnvelope>"#;
        let r = parse_processing_report(doc.as_bytes()).unwrap();
        assert_eq!(r.status, ReportStatus::Complete);
        assert_eq!(
            r.summary,
            Some(FeedResultSummary {
                processed: 3,
                successful: 2,
                errors: 1,
                warnings: 0
            })
        );
        assert_eq!(r.results.len(), 1);
        assert_eq!(r.results[0].message_id, Some(2));
        assert_eq!(r.results[0].severity, Severity::Error);
        assert_eq!(r.results[0].code.as_deref(), Some("18028"));
        assert_eq!(r.results[0].description, "The order id & item don't match");
    }

    #[test]
    fn rejects_other_documents() {
        assert!(matches!(parse_processing_report(b""), Err(ReportError::Empty)));
        assert!(matches!(
            parse_processing_report(b"<Foo><Bar/></Foo>"),
            Err(ReportError::NotAProcessingReport { .. })
        ));
        assert!(matches!(
            parse_processing_report(b"<a><b></a>"),
            Err(ReportError::Xml { .. })
        ));
        let deep = "<a>".repeat(100);
        assert!(matches!(
            parse_processing_report(deep.as_bytes()),
            Err(ReportError::TooDeep { .. })
        ));
    }
}
