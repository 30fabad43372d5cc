//! How entries are shown to a model: the compact summary search results
//! and resources share, and the names of Kaltura's numeric enums. Absent
//! fields stay absent (Kaltura omits nulls); nothing here can fail.

use crate::kaltura::model::MediaEntry;
use crate::time::format_utc;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Longest description a summary carries; `get_media_entry` has it whole.
const SUMMARY_DESCRIPTION_CHARS: usize = 240;

/// One entry, as a search result or list item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EntrySummary {
    pub id: String,
    pub name: String,
    /// Shortened to 240 characters; `get_media_entry` has it whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
    /// video, audio, image, live, or Kaltura's number for other kinds.
    pub media_type: String,
    /// Seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plays: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub views: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail_url: Option<String>,
    /// Category full names (`Parent>Child`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub categories: Vec<String>,
}

impl EntrySummary {
    pub fn from_entry(entry: &MediaEntry) -> Self {
        EntrySummary {
            id: entry.id.clone().unwrap_or_default(),
            name: entry.name.clone().unwrap_or_default(),
            description: entry
                .description
                .as_deref()
                .filter(|text| !text.trim().is_empty())
                .map(|text| shorten(text, SUMMARY_DESCRIPTION_CHARS)),
            tags: entry.tags.clone().filter(|tags| !tags.trim().is_empty()),
            media_type: media_type_name(entry),
            duration: entry.duration,
            created_at: entry.created_at.map(format_utc),
            updated_at: entry.updated_at.map(format_utc),
            plays: entry.plays,
            views: entry.views,
            thumbnail_url: entry.thumbnail_url.clone(),
            categories: split_list(entry.categories.as_deref()),
        }
    }

    /// One line: `0_abc12345 "Name" (video, 12:34, 56 plays)`.
    pub fn line(&self) -> String {
        let mut facts = vec![self.media_type.clone()];
        if let Some(duration) = self.duration.filter(|d| *d > 0) {
            facts.push(crate::time::format_position(duration * 1000));
        }
        if let Some(plays) = self.plays {
            facts.push(format!("{plays} plays"));
        }
        if let Some(created) = &self.created_at {
            facts.push(format!("created {}", &created[..10.min(created.len())]));
        }
        format!("{} \"{}\" ({})", self.id, self.name, facts.join(", "))
    }
}

/// `KalturaMediaType` / `KalturaEntryType` as a word.
pub fn media_type_name(entry: &MediaEntry) -> String {
    if entry.entry_type.as_deref() == Some("7") {
        return "live".into();
    }
    match entry.media_type {
        Some(1) => "video".into(),
        Some(2) => "image".into(),
        Some(5) => "audio".into(),
        Some(201..=204) => "live".into(),
        Some(other) => format!("type {other}"),
        None => match entry.entry_type.as_deref() {
            Some("5") => "playlist".into(),
            Some("10") => "document".into(),
            Some(other) => format!("entry type {other}"),
            None => "unknown".into(),
        },
    }
}

/// `KalturaEntryStatus` as a word.
pub fn entry_status_name(status: Option<&str>) -> String {
    match status {
        Some("-2") => "error_importing".into(),
        Some("-1") => "error_converting".into(),
        Some("0") => "import".into(),
        Some("1") => "preconvert".into(),
        Some("2") => "ready".into(),
        Some("3") => "deleted".into(),
        Some("4") => "pending".into(),
        Some("5") => "moderate".into(),
        Some("6") => "blocked".into(),
        Some("7") => "no_content".into(),
        Some(other) => other.to_owned(),
        None => "unknown".into(),
    }
}

/// A comma-separated Kaltura list as its non-empty items.
pub fn split_list(list: Option<&str>) -> Vec<String> {
    list.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `text` cut to `max` characters at a word boundary, with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > max / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_entry_summarizes_without_failing() {
        let summary = EntrySummary::from_entry(&MediaEntry::default());
        assert_eq!(summary.media_type, "unknown");
        let json = serde_json::to_value(&summary).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "", "name": "", "mediaType": "unknown"})
        );
    }

    #[test]
    fn long_descriptions_are_shortened_at_a_word() {
        let long = "word ".repeat(100);
        let short = shorten(&long, 240);
        assert!(short.ends_with('…'));
        assert!(short.chars().count() <= 241);
        assert_eq!(shorten("short", 240), "short");
    }

    #[test]
    fn enums_read_as_words() {
        let live = MediaEntry {
            entry_type: Some("7".into()),
            media_type: Some(201),
            ..MediaEntry::default()
        };
        assert_eq!(media_type_name(&live), "live");
        let audio = MediaEntry {
            media_type: Some(5),
            ..MediaEntry::default()
        };
        assert_eq!(media_type_name(&audio), "audio");
        assert_eq!(entry_status_name(Some("2")), "ready");
        assert_eq!(split_list(Some("a>b, ,c")), ["a>b", "c"]);
    }
}
