//! The JSON listings feed processing report (schema v2). Read leniently: numbers may come as strings,
//! unknown severities are kept, missing "required" fields do not fail the report.

use orderhub_core::FeedResultSummary;
use serde_json::Value;

use super::{decode_text, MessageResult, ParsedReport, ReportError, ReportStatus, Severity};

fn as_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| *f >= 0.0 && f.fract() == 0.0)
                .map(|f| f as u64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn count(summary: &Value, key: &str) -> Option<u32> {
    summary
        .get(key)
        .and_then(as_u64)
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
}

/// Parses a `JSON_LISTINGS_FEED` processing report.
///
/// # Errors
/// [`ReportError::Empty`], [`ReportError::Json`] for malformed JSON, and
/// [`ReportError::NotAProcessingReport`] when the document is not an object with `issues` or `summary`.
pub fn parse_listings_report(document: &[u8]) -> Result<ParsedReport, ReportError> {
    let text = decode_text(document);
    if text.trim().is_empty() {
        return Err(ReportError::Empty);
    }
    let v: Value = serde_json::from_str(&text).map_err(|source| ReportError::Json { source })?;
    let Value::Object(obj) = &v else {
        return Err(ReportError::NotAProcessingReport {
            found: "a JSON value that is not an object".to_owned(),
        });
    };
    if !obj.contains_key("issues") && !obj.contains_key("summary") {
        return Err(ReportError::NotAProcessingReport {
            found: "a JSON object without `issues` or `summary`".to_owned(),
        });
    }
    let mut results = Vec::new();
    if let Some(Value::Array(issues)) = obj.get("issues") {
        for issue in issues {
            let message_id = issue.get("messageId").and_then(as_u64).filter(|m| *m > 0);
            let severity = match issue.get("severity").and_then(as_text) {
                Some(s) if s.eq_ignore_ascii_case("ERROR") => Severity::Error,
                Some(s) if s.eq_ignore_ascii_case("WARNING") => Severity::Warning,
                Some(s) if s.eq_ignore_ascii_case("INFO") => Severity::Info,
                Some(other) => Severity::Other(other),
                None => Severity::Error,
            };
            let mut description = issue.get("message").and_then(as_text).unwrap_or_default();
            if let Some(attr) = issue.get("attributeName").and_then(as_text) {
                description = format!("{description} (attribute {attr})");
            }
            results.push(MessageResult {
                message_id,
                severity,
                code: issue.get("code").and_then(as_text),
                description,
                sku: issue.get("sku").and_then(as_text),
            });
        }
    }
    let summary = obj
        .get("summary")
        .filter(|s| s.is_object())
        .map(|s| FeedResultSummary {
            processed: count(s, "messagesProcessed").unwrap_or(0),
            successful: count(s, "messagesAccepted").unwrap_or(0),
            errors: count(s, "messagesInvalid").unwrap_or(0),
            warnings: count(s, "warnings").unwrap_or(0),
        });
    Ok(ParsedReport {
        status: ReportStatus::Complete,
        summary,
        results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_official_example() {
        let doc = include_str!("../../tests/data/listings-feed-processing-report-schema-v2.example.json");
        let r = parse_listings_report(doc.as_bytes()).unwrap();
        assert_eq!(r.results.len(), 3);
        assert_eq!(r.results[0].message_id, Some(4));
        assert_eq!(r.results[2].sku.as_deref(), Some("My-SKU-C"));
        assert_eq!(
            r.summary,
            Some(FeedResultSummary {
                processed: 4,
                successful: 2,
                errors: 2,
                warnings: 0
            })
        );
    }

    #[test]
    fn lenient_numbers_and_bad_documents() {
        let r = parse_listings_report(
            br#"{"issues":[{"messageId":"3","severity":"SOMETHING_NEW","message":"m"}],"summary":{"messagesProcessed":"3"}}"#,
        )
        .unwrap();
        assert_eq!(r.results[0].message_id, Some(3));
        assert_eq!(r.results[0].severity, Severity::Other("SOMETHING_NEW".into()));
        assert!(matches!(
            parse_listings_report(b"[]"),
            Err(ReportError::NotAProcessingReport { .. })
        ));
        assert!(matches!(
            parse_listings_report(b"{\"a\":1}"),
            Err(ReportError::NotAProcessingReport { .. })
        ));
        assert!(matches!(
            parse_listings_report(b"{"),
            Err(ReportError::Json { .. })
        ));
        assert!(matches!(parse_listings_report(b"  "), Err(ReportError::Empty)));
    }
}
