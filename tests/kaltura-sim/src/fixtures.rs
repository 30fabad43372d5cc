//! The fixture catalog (../fixtures, contract in its README.md), loaded
//! once at start: the demo partner, its entries, categories, assets,
//! metadata, cue points and the analytics fact tables.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use kaltura_mcp::captions::{self, CaptionFormat, Cue};
use serde_json::{Map, Value};

/// The folder the catalog is read from unless `--fixtures` says otherwise.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid fixture JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: {detail}")]
    Invalid { path: PathBuf, detail: String },
}

pub type Object = Map<String, Value>;

/// One row of `analytics/plays.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Play {
    pub days_ago: i64,
    pub entry_id: String,
    pub user_id: String,
    pub country: String,
    pub region: String,
    pub city: String,
    pub device: String,
    pub os: String,
    pub browser: String,
    pub application: String,
    pub plays: f64,
    pub loads: f64,
    pub seconds_viewed: f64,
    pub completion_rate: f64,
    pub avg_bitrate_kbps: f64,
    pub buffer_seconds: f64,
    pub join_time_ms: f64,
    pub errors: f64,
    pub error_code: String,
}

/// One row of `analytics/retention.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Retention {
    pub entry_id: String,
    pub percentile: i64,
    pub count_viewers: f64,
    pub unique_known_users: f64,
}

#[derive(Debug, Clone)]
pub struct Catalog {
    pub dir: PathBuf,
    pub partner: Object,
    pub entries: Vec<Object>,
    pub categories: Vec<Object>,
    pub flavors: Vec<Object>,
    pub captions: Vec<Object>,
    pub attachments: Vec<Object>,
    pub metadata_profiles: Vec<Object>,
    pub metadata: Vec<Object>,
    pub cue_points: Vec<Object>,
    pub plays: Vec<Play>,
    pub retention: Vec<Retention>,
    /// Parsed cues per caption asset id, for eSearch caption items.
    pub caption_cues: HashMap<String, Vec<Cue>>,
}

impl Catalog {
    pub fn load(dir: &Path) -> Result<Catalog, FixtureError> {
        let metadata = read_json(&dir.join("metadata.json"))?;
        let mut catalog = Catalog {
            dir: dir.to_owned(),
            partner: as_object(
                read_json(&dir.join("partner.json"))?,
                &dir.join("partner.json"),
            )?,
            entries: read_objects(&dir.join("entries.json"))?,
            categories: read_objects(&dir.join("categories.json"))?,
            flavors: read_objects(&dir.join("flavors.json"))?,
            captions: read_objects(&dir.join("captions.json"))?,
            attachments: read_objects(&dir.join("attachments.json"))?,
            metadata_profiles: objects_in(&metadata, "profiles"),
            metadata: objects_in(&metadata, "items"),
            cue_points: read_objects(&dir.join("cuepoints.json"))?,
            plays: read_csv(&dir.join("analytics/plays.csv"), parse_play)?,
            retention: read_csv(&dir.join("analytics/retention.csv"), parse_retention)?,
            caption_cues: HashMap::new(),
        };
        catalog.caption_cues = catalog
            .captions
            .iter()
            .map(|asset| {
                let bytes = catalog.asset_file("captions", asset);
                let format =
                    CaptionFormat::from_wire(text(asset, "format")).unwrap_or(CaptionFormat::Srt);
                (
                    text(asset, "id").to_owned(),
                    captions::parse(format, &String::from_utf8_lossy(&bytes)),
                )
            })
            .collect();
        Ok(catalog)
    }

    pub fn partner_id(&self) -> u64 {
        self.partner
            .get("partnerId")
            .and_then(Value::as_u64)
            .unwrap_or(0)
    }

    pub fn admin_secret(&self) -> &str {
        self.partner
            .get("adminSecret")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    pub fn user_secret(&self) -> &str {
        self.partner
            .get("userSecret")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    pub fn entry(&self, id: &str) -> Option<&Object> {
        self.entries.iter().find(|entry| text(entry, "id") == id)
    }

    pub fn category(&self, id: i64) -> Option<&Object> {
        self.categories
            .iter()
            .find(|category| int(category, "id") == Some(id))
    }

    /// A caption or attachment file's bytes; an attachment whose file is
    /// absent is `sizeInBytes` of deterministic filler.
    pub fn asset_file(&self, folder: &str, asset: &Object) -> Vec<u8> {
        let path =
            self.dir
                .join(folder)
                .join(format!("{}.{}", text(asset, "id"), text(asset, "fileExt")));
        fs::read(&path).unwrap_or_else(|_| {
            let size = int(asset, "sizeInBytes").unwrap_or(0).max(0) as usize;
            (0..size).map(|index| (index * 31 % 251) as u8).collect()
        })
    }
}

/// A string field (`""` when absent).
pub fn text<'a>(object: &'a Object, key: &str) -> &'a str {
    object.get(key).and_then(Value::as_str).unwrap_or("")
}

/// An integer field, whether stored as a number or a numeric string.
pub fn int(object: &Object, key: &str) -> Option<i64> {
    match object.get(key)? {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().map(|f| f as i64)),
        Value::String(text) => text.parse().ok(),
        Value::Bool(flag) => Some(i64::from(*flag)),
        _ => None,
    }
}

fn read_json(path: &Path) -> Result<Value, FixtureError> {
    let bytes = fs::read(path).map_err(|source| FixtureError::Read {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| FixtureError::Json {
        path: path.to_owned(),
        source,
    })
}

fn as_object(value: Value, path: &Path) -> Result<Object, FixtureError> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(FixtureError::Invalid {
            path: path.to_owned(),
            detail: "expected an object".into(),
        }),
    }
}

fn read_objects(path: &Path) -> Result<Vec<Object>, FixtureError> {
    match read_json(path)? {
        Value::Array(items) => items
            .into_iter()
            .map(|item| as_object(item, path))
            .collect(),
        _ => Err(FixtureError::Invalid {
            path: path.to_owned(),
            detail: "expected an array".into(),
        }),
    }
}

fn objects_in(value: &Value, key: &str) -> Vec<Object> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_object().cloned())
                .collect()
        })
        .unwrap_or_default()
}

fn read_csv<T>(path: &Path, parse: fn(&[String]) -> Option<T>) -> Result<Vec<T>, FixtureError> {
    let text = fs::read_to_string(path).map_err(|source| FixtureError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut rows = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let fields = split_csv(line);
        let row = parse(&fields).ok_or_else(|| FixtureError::Invalid {
            path: path.to_owned(),
            detail: format!("line {}: cannot read {line:?}", number + 1),
        })?;
        rows.push(row);
    }
    Ok(rows)
}

/// RFC 4180 fields of one line (quotes, doubled quotes inside).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn parse_play(fields: &[String]) -> Option<Play> {
    if fields.len() != 19 {
        return None;
    }
    let number = |index: usize| fields[index].trim().parse::<f64>().ok();
    Some(Play {
        days_ago: fields[0].trim().parse().ok()?,
        entry_id: fields[1].clone(),
        user_id: fields[2].clone(),
        country: fields[3].clone(),
        region: fields[4].clone(),
        city: fields[5].clone(),
        device: fields[6].clone(),
        os: fields[7].clone(),
        browser: fields[8].clone(),
        application: fields[9].clone(),
        plays: number(10)?,
        loads: number(11)?,
        seconds_viewed: number(12)?,
        completion_rate: number(13)?,
        avg_bitrate_kbps: number(14)?,
        buffer_seconds: number(15)?,
        join_time_ms: number(16)?,
        errors: number(17)?,
        error_code: fields[18].clone(),
    })
}

fn parse_retention(fields: &[String]) -> Option<Retention> {
    if fields.len() != 4 {
        return None;
    }
    Some(Retention {
        entry_id: fields[0].clone(),
        percentile: fields[1].trim().parse().ok()?,
        count_viewers: fields[2].trim().parse().ok()?,
        unique_known_users: fields[3].trim().parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_quotes() {
        assert_eq!(
            split_csv(r#"1,"Washington, D.C.","say ""hi""",,x"#),
            vec!["1", "Washington, D.C.", "say \"hi\"", "", "x"]
        );
    }
}
