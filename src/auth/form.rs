//! `application/x-www-form-urlencoded` (OAuth requests, query strings)
//! and HTML escaping for the consent page.

/// Decoded `name=value` pairs; `+` is a space, bad escapes are kept as is.
pub fn parse(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// The first value of `name`.
pub fn get<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' if index + 2 < bytes.len() => {
                let hex = |byte: u8| (byte as char).to_digit(16);
                match (hex(bytes[index + 1]), hex(bytes[index + 2])) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        index += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Text safe inside HTML content and attribute values.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_forms_and_round_trips_values() {
        let pairs = parse("a=1&b=hello+world&c=%2Fx%3Fy&d&e=%zz&f=%E2%9C%93");
        assert_eq!(get(&pairs, "b"), Some("hello world"));
        assert_eq!(get(&pairs, "c"), Some("/x?y"));
        assert_eq!(get(&pairs, "d"), Some(""));
        assert_eq!(get(&pairs, "e"), Some("%zz"));
        assert_eq!(get(&pairs, "f"), Some("✓"));
        assert_eq!(get(&parse("x=50%"), "x"), Some("50%"));
        assert_eq!(
            get(&parse("x=%é1"), "x"),
            Some("%é1"),
            "no panic on a split character"
        );
        let value = "https://a.example/cb?x=1&y=two words";
        assert_eq!(
            get(&parse(&format!("v={}", encode(value))), "v"),
            Some(value)
        );
        assert_eq!(
            html_escape("<a href=\"x\">'"),
            "&lt;a href=&quot;x&quot;&gt;&#39;"
        );
    }
}
