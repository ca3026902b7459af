//! A minimal JSON writer for feed documents: exact decimal prices (no floats) and no intermediate values.

/// Appends `s` as a JSON string literal (quotes included), escaping per RFC 8259.
pub(crate) fn push_str_lit(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
    } else {
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    out.push_str("\\u00");
                    let v = c as u32;
                    out.push(hex_digit(v >> 4));
                    out.push(hex_digit(v & 0xf));
                }
                c => out.push(c),
            }
        }
    }
    out.push('"');
}

fn hex_digit(v: u32) -> char {
    char::from_digit(v, 16).unwrap_or('0')
}

/// Appends an unsigned integer.
pub(crate) fn push_u64(out: &mut String, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for d in &digits[i..] {
        out.push(char::from(*d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip_through_serde_json() {
        for s in [
            "plain",
            "quote \" and \\ back",
            "ctl \u{1}\u{1f}\n\t\r\u{8}\u{c}",
            "ünï €",
            "",
        ] {
            let mut out = String::new();
            push_str_lit(&mut out, s);
            let back: String = serde_json::from_str(&out).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn integers() {
        for v in [0u64, 7, 10, 1234567890, u64::MAX] {
            let mut out = String::new();
            push_u64(&mut out, v);
            assert_eq!(out, v.to_string());
        }
    }
}
