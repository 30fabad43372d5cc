//! Caption files as Kaltura stores them (SRT, WebVTT, DFXP/TTML) read into
//! plain timed cues, so tools can quote what was said and when. Lenient:
//! a block that cannot be read is skipped, never a panic.

/// One caption cue; times in milliseconds from the start of the media.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub start_ms: u64,
    pub end_ms: u64,
    pub text: String,
}

/// Kaltura's `KalturaCaptionType` values for the formats we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionFormat {
    Srt,
    Dfxp,
    WebVtt,
}

impl CaptionFormat {
    /// From the wire value (`"1"`, `"2"`, `"3"`) or a file extension.
    pub fn from_wire(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "1" | "srt" => Some(CaptionFormat::Srt),
            "2" | "dfxp" | "xml" | "ttml" => Some(CaptionFormat::Dfxp),
            "3" | "vtt" | "webvtt" => Some(CaptionFormat::WebVtt),
            _ => None,
        }
    }
}

pub fn parse(format: CaptionFormat, text: &str) -> Vec<Cue> {
    match format {
        CaptionFormat::Srt | CaptionFormat::WebVtt => parse_timed_blocks(text),
        CaptionFormat::Dfxp => parse_dfxp(text),
    }
}

/// SRT and WebVTT share a shape: blocks whose timing line holds `-->`.
fn parse_timed_blocks(text: &str) -> Vec<Cue> {
    let normalized = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut cues = Vec::new();
    for block in normalized.split("\n\n") {
        let mut lines = block.lines().skip_while(|line| !line.contains("-->"));
        let Some(timing) = lines.next() else { continue };
        let Some((start, rest)) = timing.split_once("-->") else {
            continue;
        };
        // WebVTT cue settings follow the end time.
        let end = rest.split_whitespace().next().unwrap_or("");
        let (Some(start_ms), Some(end_ms)) = (clock_ms(start), clock_ms(end)) else {
            continue;
        };
        let body: Vec<String> = lines
            .map(strip_tags)
            .filter(|line| !line.trim().is_empty())
            .collect();
        if body.is_empty() {
            continue;
        }
        cues.push(Cue {
            start_ms,
            end_ms,
            text: body.join(" ").trim().to_owned(),
        });
    }
    cues
}

/// `<p begin=".." end="..">text<br/>text</p>` elements of a TTML body.
fn parse_dfxp(text: &str) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut rest = text;
    while let Some(open) = find_paragraph(rest) {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let name = tag[1..]
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("p");
        let closing = format!("</{name}>");
        let Some(close) = after.find(&closing) else {
            break;
        };
        let inner = if tag.ends_with('/') {
            ""
        } else {
            &after[tag_end + 1..close.max(tag_end + 1)]
        };
        let begin = attribute(tag, "begin").and_then(|v| ttml_time_ms(&v));
        let end = attribute(tag, "end")
            .and_then(|v| ttml_time_ms(&v))
            .or_else(|| Some(begin? + attribute(tag, "dur").and_then(|v| ttml_time_ms(&v))?));
        let body = decode_entities(&strip_tags(
            &inner.replace("<br/>", " ").replace("<br />", " "),
        ));
        let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
        if let (Some(start_ms), Some(end_ms), false) = (begin, end, body.is_empty()) {
            cues.push(Cue {
                start_ms,
                end_ms,
                text: body,
            });
        }
        rest = &after[close + closing.len()..];
    }
    cues
}

/// The next `<p ` or `<p>` (not `<pre>` or `<param>`), with any prefix.
fn find_paragraph(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find('<') {
        let at = from + found;
        let tag = &text[at + 1..];
        let name_end = tag
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name == "p" || name.ends_with(":p") {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(found) = rest.find(name) {
        let before_ok = rest[..found].ends_with(|c: char| c.is_whitespace() || c == ':');
        let after = rest[found + name.len()..].trim_start();
        if let (true, Some(value)) = (before_ok, after.strip_prefix('=')) {
            let value = value.trim_start();
            let quote = value.chars().next()?;
            let inner = &value[1..];
            return inner.find(quote).map(|end| inner[..end].to_owned());
        }
        rest = &rest[found + name.len()..];
    }
    None
}

/// `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm`.
fn clock_ms(text: &str) -> Option<u64> {
    let text = text.trim().replace(',', ".");
    let (clock, fraction) = text.split_once('.').unwrap_or((&text, "0"));
    let parts: Vec<u64> = clock
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let seconds = match parts.as_slice() {
        [h, m, s] => h * 3600 + m * 60 + s,
        [m, s] => m * 60 + s,
        [s] => *s,
        _ => return None,
    };
    let digits: String = fraction.chars().take(3).collect();
    let millis = format!("{digits:0<3}").parse::<u64>().ok()?;
    Some(seconds * 1000 + millis)
}

/// TTML times: clock (`00:00:01.500`, `00:00:01:12` frames at 30 fps) or
/// offsets (`1.5s`, `1500ms`, `2m`, `1h`).
fn ttml_time_ms(text: &str) -> Option<u64> {
    let text = text.trim();
    for (suffix, scale) in [
        ("ms", 1.0),
        ("s", 1000.0),
        ("m", 60_000.0),
        ("h", 3_600_000.0),
    ] {
        if let Some(number) = text.strip_suffix(suffix) {
            if let Ok(value) = number.parse::<f64>() {
                return (value >= 0.0).then_some((value * scale).round() as u64);
            }
        }
    }
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() == 4 {
        let base = clock_ms(&parts[..3].join(":"))?;
        let frames: u64 = parts[3].split('.').next()?.parse().ok()?;
        return Some(base + frames * 1000 / 30);
    }
    clock_ms(text)
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(start_ms: u64, end_ms: u64, text: &str) -> Cue {
        Cue {
            start_ms,
            end_ms,
            text: text.into(),
        }
    }

    #[test]
    fn srt() {
        let text = "1\r\n00:00:01,000 --> 00:00:03,500\r\nHello <i>there</i>\r\nfriends\r\n\r\n2\r\n00:01:02,250 --> 00:01:04,000\r\nBye\r\n";
        assert_eq!(
            parse(CaptionFormat::Srt, text),
            vec![
                cue(1000, 3500, "Hello there friends"),
                cue(62_250, 64_000, "Bye")
            ]
        );
    }

    #[test]
    fn webvtt_with_settings_ids_and_short_clock() {
        let text = "WEBVTT\n\nNOTE a note\n\nintro\n00:01.000 --> 00:02.000 align:start\n<v Ana>Hi</v>\n\n00:00:03.000 --> 00:00:04.000\nThere\n";
        assert_eq!(
            parse(CaptionFormat::WebVtt, text),
            vec![cue(1000, 2000, "Hi"), cue(3000, 4000, "There")]
        );
    }

    #[test]
    fn dfxp_clock_offsets_and_entities() {
        let text = r#"<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml"><body><div>
<p begin="00:00:01.000" end="00:00:02.500">Fish &amp; chips<br/>tonight</p>
<tt:p begin="3s" dur="1500ms">Second</tt:p>
<p begin="bad" end="00:00:09.000">skipped</p></div></body></tt>"#;
        assert_eq!(
            parse(CaptionFormat::Dfxp, text),
            vec![
                cue(1000, 2500, "Fish & chips tonight"),
                cue(3000, 4500, "Second")
            ]
        );
    }

    #[test]
    fn garbage_reads_as_nothing() {
        for format in [
            CaptionFormat::Srt,
            CaptionFormat::WebVtt,
            CaptionFormat::Dfxp,
        ] {
            assert!(parse(format, "<p begin=\"1s\" no end --> x\n\n-->").is_empty());
        }
        assert_eq!(CaptionFormat::from_wire("3"), Some(CaptionFormat::WebVtt));
    }
}
