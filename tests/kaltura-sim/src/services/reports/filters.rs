//! Which fact-table rows a `KalturaReportInputFilter` and the `objectIds`
//! parameter keep. Multi-value inputs are split by the response delimiter,
//! as Kaltura's report manager does; values compare without case (ids in
//! the fixtures are lower-case, countries upper-case, so nothing collides).
//! Filter fields the fixtures have no data for are accepted and ignored.

use std::collections::{HashMap, HashSet};

use crate::fixtures::{int, text, Catalog, Object, Play};
use crate::params::Params;

/// A row attribute a filter can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Entry,
    User,
    Country,
    Region,
    City,
    Device,
    Os,
    Browser,
    Application,
    ErrorCode,
    /// The entry's `mediaType`.
    MediaType,
    /// The entry's `userId`.
    Owner,
}

/// Filter properties that list accepted values of one field. The fact
/// table stores families (`Windows`, `Chrome`), so both the exact and
/// the family filters test the same column.
const LIST_FILTERS: &[(&str, Field)] = &[
    ("entryIdIn", Field::Entry),
    ("userIds", Field::User),
    ("countryIn", Field::Country),
    ("regionIn", Field::Region),
    ("citiesIn", Field::City),
    ("deviceIn", Field::Device),
    ("operatingSystemIn", Field::Os),
    ("operatingSystemFamilyIn", Field::Os),
    ("browserIn", Field::Browser),
    ("browserFamilyIn", Field::Browser),
    ("application", Field::Application),
    ("errorCodeIn", Field::ErrorCode),
    ("mediaTypeIn", Field::MediaType),
    ("ownerIdsIn", Field::Owner),
];

/// The catalog's entries by id.
pub struct Entries<'a>(HashMap<&'a str, &'a Object>);

impl<'a> Entries<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        Entries(
            catalog
                .entries
                .iter()
                .map(|entry| (text(entry, "id"), entry))
                .collect(),
        )
    }

    pub fn get(&self, id: &str) -> Option<&'a Object> {
        self.0.get(id).copied()
    }

    pub fn name(&self, id: &str) -> &'a str {
        self.get(id).map_or("", |entry| text(entry, "name"))
    }

    pub fn owner(&self, id: &str) -> &'a str {
        self.get(id).map_or("", |entry| text(entry, "userId"))
    }
}

/// Splits a multi-value input by the delimiter, dropping blanks.
pub fn split(value: &str, delimiter: &str) -> Vec<String> {
    value
        .split(delimiter)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(Debug, Default)]
pub struct RowFilter {
    /// Each field with its accepted values, lower-cased.
    lists: Vec<(Field, Vec<String>)>,
    /// Category ids an entry must be in, subcategories included.
    category_ids: Option<HashSet<String>>,
    /// Category full names, lower-cased.
    category_names: Option<Vec<String>>,
    keywords: Option<String>,
}

impl RowFilter {
    pub fn new(catalog: &Catalog, filter: &Params, delimiter: &str) -> RowFilter {
        let values = |key: &str| filter.nonempty(key).map(|v| split(&v, delimiter));
        let lower = |items: Vec<String>| items.iter().map(|item| item.to_lowercase()).collect();
        RowFilter {
            lists: LIST_FILTERS
                .iter()
                .filter_map(|(key, field)| Some((*field, lower(values(key)?))))
                .collect(),
            category_ids: values("categoriesIdsIn").map(|ids| with_descendants(catalog, ids)),
            category_names: values("categories").map(lower),
            keywords: filter
                .nonempty("keywords")
                .map(|words| words.trim().to_lowercase())
                .filter(|words| !words.is_empty()),
        }
    }

    /// `objectIds`: only rows whose `field` is one of `ids`.
    pub fn restrict(&mut self, field: Field, ids: &[String]) {
        let ids = ids.iter().map(|id| id.to_lowercase()).collect();
        self.lists.push((field, ids));
    }

    pub fn keeps(&self, play: &Play, entries: &Entries) -> bool {
        let entry = entries.get(&play.entry_id);
        self.lists.iter().all(|(field, accepted)| {
            let value = field_value(play, entry, *field).to_lowercase();
            accepted.contains(&value)
        }) && self.category_ids.as_ref().is_none_or(|ids| {
            entry.is_some_and(|entry| csv(text(entry, "categoriesIds")).any(|id| ids.contains(id)))
        }) && self
            .category_names
            .as_ref()
            .is_none_or(|names| entry.is_some_and(|entry| in_named_category(entry, names)))
            && self.keywords.as_ref().is_none_or(|words| {
                entry.is_some_and(|entry| {
                    text(entry, "name").to_lowercase().contains(words)
                        || text(entry, "tags").to_lowercase().contains(words)
                })
            })
    }
}

fn field_value(play: &Play, entry: Option<&Object>, field: Field) -> String {
    let of_entry = |key: &str| entry.map_or("", |entry| text(entry, key)).to_owned();
    match field {
        Field::Entry => play.entry_id.clone(),
        Field::User => play.user_id.clone(),
        Field::Country => play.country.clone(),
        Field::Region => play.region.clone(),
        Field::City => play.city.clone(),
        Field::Device => play.device.clone(),
        Field::Os => play.os.clone(),
        Field::Browser => play.browser.clone(),
        Field::Application => play.application.clone(),
        Field::ErrorCode => play.error_code.clone(),
        Field::MediaType => entry
            .and_then(|entry| int(entry, "mediaType"))
            .map(|media_type| media_type.to_string())
            .unwrap_or_default(),
        Field::Owner => of_entry("userId"),
    }
}

fn csv(list: &str) -> impl Iterator<Item = &str> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// The given category ids plus every category below them (by `fullIds`),
/// since an entry in a subcategory is in its ancestors too.
fn with_descendants(catalog: &Catalog, ids: Vec<String>) -> HashSet<String> {
    let mut all: HashSet<String> = ids.into_iter().collect();
    for category in &catalog.categories {
        let full_ids = text(category, "fullIds");
        if full_ids.split('>').any(|id| all.contains(id.trim())) {
            if let Some(id) = int(category, "id") {
                all.insert(id.to_string());
            }
        }
    }
    all
}

/// Whether one of the entry's categories (full names) is a wanted one or
/// below it.
fn in_named_category(entry: &Object, wanted: &[String]) -> bool {
    csv(text(entry, "categories")).any(|name| {
        let name = name.to_lowercase();
        wanted
            .iter()
            .any(|want| name == *want || name.starts_with(&format!("{want}>")))
    })
}
