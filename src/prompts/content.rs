//! Content prompts:
//!
//! - `content_discovery`: how to find content for an intent, with the
//!   search options that fit it;
//! - `accessibility_audit`: caption coverage by language for a scope,
//!   computed live from Kaltura, with the steps to check quality next.

use crate::context::Context;
use crate::kaltura::api::{assets, category, media, Pager};
use crate::kaltura::model::{CaptionAsset, MediaEntry};
use crate::kaltura::{EntryId, KalturaError, MultiRequest};
use crate::mcp::completion::matching;
use crate::mcp::prompt::{Prompt, PromptError, PromptMessage};
use schemars::JsonSchema;
use serde::Deserialize;

use super::user;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiscoveryArgs {
    /// What you are looking for, e.g. "talks that mention zero trust".
    pub search_intent: String,
    /// "yes" to also fetch details and caption languages of the best matches.
    pub include_details: Option<String>,
}

pub struct ContentDiscovery;

impl Prompt<Context> for ContentDiscovery {
    const NAME: &'static str = "content_discovery";
    const TITLE: &'static str = "Content discovery";
    const DESCRIPTION: &'static str =
        "Find videos for an intent: which searches to run and how to present the matches.";
    type Args = DiscoveryArgs;

    async fn get(_ctx: Context, args: DiscoveryArgs) -> Result<Vec<PromptMessage>, PromptError> {
        let intent = args.search_intent.trim();
        if intent.is_empty() {
            return Err(PromptError::InvalidArguments(
                "search_intent is empty: say what content you are looking for".into(),
            ));
        }
        let lower = intent.to_lowercase();
        let spoken = [
            "caption",
            "transcript",
            "said",
            "say",
            "mention",
            "talk about",
            "spoken",
        ]
        .iter()
        .any(|word| lower.contains(word));
        let recent = [
            "recent",
            "latest",
            "newest",
            "new ",
            "this week",
            "this month",
        ]
        .iter()
        .any(|word| lower.contains(word));
        let details = args.include_details.as_deref().is_some_and(|value| {
            matches!(value.trim().to_lowercase().as_str(), "yes" | "true" | "1")
        });

        let mut steps = vec![format!(
            "Search with search_entries(query=\"<the key words of the request>\"): one unified search covers titles, descriptions, tags, captions, custom metadata and cue points."
        )];
        if spoken {
            steps.push("The request is about what is said in the videos: search the spoken words with search_entries(query=\"<words>\", search_type=\"caption\"). Each match carries the caption line and the time it is said.".into());
        }
        if recent {
            steps.push("The request is about recent content: list the newest with search_entries(query=\"*\", sort_field=\"created_at\", sort_order=\"desc\", max_results=20), or add date_range={\"after\": \"YYYY-MM-DD\"} to a word search.".into());
        }
        steps.push("If a category is named, find its id and path with list_categories(search_text=\"<name>\").".into());
        steps.push("If nothing matches, retry with fewer or broader words, or boolean_operator=\"or\" to match any word.".into());
        if details {
            steps.push("For the best matches, get full details with get_media_entry(entry_id=\"<id>\") and the caption languages with list_caption_assets(entry_id=\"<id>\").".into());
        }
        steps.push("Answer with a short list: title, entry id, duration and why it matched (quote the caption line with its time). Offer a preview image with get_thumbnail_url(entry_id=\"<id>\").".into());
        let numbered: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(index, step)| format!("{}. {step}", index + 1))
            .collect();
        Ok(vec![user(format!(
            "Find content in our Kaltura video library: {intent}\n\n{}",
            numbered.join("\n")
        ))])
    }

    async fn complete(_ctx: Context, argument: String, typed: String) -> Vec<String> {
        match argument.as_str() {
            "include_details" => matching(&["yes", "no"], &typed),
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditArgs {
    /// all, recent (the 20 newest), category:NAME, or an entry id.
    pub audit_scope: String,
}

/// Which entries an audit covers.
#[derive(Debug, Clone, PartialEq)]
enum Scope {
    All,
    Recent,
    Category(String),
    Entry(EntryId),
}

impl Scope {
    fn parse(text: &str) -> Result<Scope, PromptError> {
        let text = text.trim();
        match text.to_lowercase().as_str() {
            "all" => return Ok(Scope::All),
            "recent" => return Ok(Scope::Recent),
            _ => {}
        }
        if let Some(name) = text.strip_prefix("category:").map(str::trim) {
            if name.is_empty() {
                return Err(PromptError::InvalidArguments(
                    "category: needs a category name, e.g. category:Training".into(),
                ));
            }
            return Ok(Scope::Category(name.to_owned()));
        }
        text.parse().map(Scope::Entry).map_err(|_| {
            PromptError::InvalidArguments(format!(
                "audit_scope must be all, recent, category:NAME or an entry id like 1_a1b2c3d4, got {text:?}"
            ))
        })
    }

    fn describe(&self) -> String {
        match self {
            Scope::All => "all media".into(),
            Scope::Recent => "the 20 newest entries".into(),
            Scope::Category(name) => format!("category {name}"),
            Scope::Entry(id) => format!("entry {id}"),
        }
    }
}

/// Most entries one audit reads (one page of `media.list`).
const AUDIT_PAGE: u32 = 500;
/// Caption lists per multirequest call, by entry ids.
const IDS_PER_CAPTION_CALL: usize = 100;
/// Uncaptioned entries named in the report.
const LISTED_GAPS: usize = 15;

pub struct AccessibilityAudit;

impl Prompt<Context> for AccessibilityAudit {
    const NAME: &'static str = "accessibility_audit";
    const TITLE: &'static str = "Accessibility audit";
    const DESCRIPTION: &'static str =
        "Caption coverage by language for all media, recent media, a category or one entry, measured live, with next steps to check caption quality.";
    type Args = AuditArgs;

    async fn get(ctx: Context, args: AuditArgs) -> Result<Vec<PromptMessage>, PromptError> {
        let scope = Scope::parse(&args.audit_scope)?;
        let failed = |error: KalturaError| {
            PromptError::Failed(format!("Could not read the account for the audit: {error}"))
        };
        let client = ctx.kaltura().map_err(failed)?;
        ctx.progress(0, 2, "Listing the entries in scope");
        let (entries, total_in_scope) = entries_in_scope(&client, &scope).await?;
        let entries: Vec<MediaEntry> = entries
            .into_iter()
            .filter(|entry| {
                matches!(entry.media_type, Some(1) | Some(5)) || matches!(scope, Scope::Entry(_))
            })
            .collect();
        ctx.progress(
            1,
            2,
            &format!("Reading caption tracks of {} entries", entries.len()),
        );
        let captions = captions_of(&client, &entries).await.map_err(failed)?;
        ctx.progress(2, 2, "Done");
        let report = Coverage::measure(&entries, &captions);
        Ok(vec![user(report.render(&scope, total_in_scope))])
    }

    /// `all`, `recent`, and `category:<full name>` from the account.
    async fn complete(ctx: Context, argument: String, typed: String) -> Vec<String> {
        if argument != "audit_scope" {
            return Vec::new();
        }
        let mut values = matching(&["all", "recent", "category:"], &typed);
        let Some(name) = typed.strip_prefix("category:") else {
            return values;
        };
        values.clear();
        let Ok(client) = ctx.kaltura() else {
            return values;
        };
        let filter = category::CategoryFilter {
            full_name_starts_with: Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
            order_by: Some("+fullName".into()),
            ..Default::default()
        };
        if let Ok(list) = client.call(category::list(&filter, Pager::first(50))).await {
            values.extend(
                list.objects
                    .iter()
                    .filter_map(|c| c.full_name.as_deref())
                    .map(|n| format!("category:{n}")),
            );
        }
        values
    }
}

async fn entries_in_scope(
    client: &crate::context::KalturaClient,
    scope: &Scope,
) -> Result<(Vec<MediaEntry>, i64), PromptError> {
    let failed = |error: KalturaError| {
        PromptError::Failed(format!("Could not read the account for the audit: {error}"))
    };
    let mut filter = media::MediaEntryFilter {
        order_by: Some("-createdAt".into()),
        ..Default::default()
    };
    let page =
        match scope {
            Scope::Entry(id) => {
                let entry = client.call(media::get_any(id)).await.map_err(|error| {
                    match error.api_code() {
                        Some(code) if code.ends_with("NOT_FOUND") => PromptError::InvalidArguments(
                            format!("Entry {id} was not found; check the id."),
                        ),
                        _ => failed(error),
                    }
                })?;
                return Ok((vec![entry], 1));
            }
            Scope::Recent => 20,
            Scope::All => AUDIT_PAGE,
            Scope::Category(name) => {
                let categories = client
                    .call(category::list(
                        &category::CategoryFilter {
                            free_text: Some(name.clone()),
                            ..Default::default()
                        },
                        Pager::first(100),
                    ))
                    .await
                    .map_err(failed)?;
                let wanted = name.to_lowercase();
                let found = categories.objects.iter().find(|c| {
                    c.full_name.as_deref().map(str::to_lowercase) == Some(wanted.clone())
                        || c.name.as_deref().map(str::to_lowercase) == Some(wanted.clone())
                });
                let Some(id) = found.and_then(|c| c.id) else {
                    let known: Vec<&str> = categories
                        .objects
                        .iter()
                        .filter_map(|c| c.full_name.as_deref())
                        .take(10)
                        .collect();
                    return Err(PromptError::InvalidArguments(format!(
                        "No category is named {name:?}.{}",
                        if known.is_empty() {
                            " List them with list_categories.".to_owned()
                        } else {
                            format!(" Close matches: {}.", known.join(", "))
                        }
                    )));
                };
                filter.categories_ids_match_or = Some(id.to_string());
                AUDIT_PAGE
            }
        };
    let list = client
        .call(media::list(&filter, Pager::first(page)))
        .await
        .map_err(failed)?;
    let total = list.total_count.unwrap_or(list.objects.len() as i64);
    Ok((list.objects, total))
}

/// The caption assets of `entries`, in one multirequest.
async fn captions_of(
    client: &crate::context::KalturaClient,
    entries: &[MediaEntry],
) -> Result<Vec<CaptionAsset>, KalturaError> {
    let ids: Vec<EntryId> = entries
        .iter()
        .filter_map(|e| e.id.as_deref()?.parse().ok())
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut batch = MultiRequest::new();
    let slots: Vec<_> = ids
        .chunks(IDS_PER_CAPTION_CALL)
        .map(|chunk| {
            let refs: Vec<&EntryId> = chunk.iter().collect();
            batch.add(assets::list_captions(&refs, Pager::first(500)))
        })
        .collect();
    let answers = client.multirequest(batch).await?;
    let mut captions = Vec::new();
    for slot in slots {
        captions.extend(answers.take(slot)?.objects);
    }
    Ok(captions)
}

/// What the audit asks the model to do with the measured coverage.
pub fn audit_next_steps() -> &'static str {
    "\nNext steps:\n\
     1. Report the coverage above, and which entries most need captions (prefer the most played: get_media_entry(entry_id=\"<id>\") shows plays).\n\
     2. Check quality on a sample of captioned entries: list_caption_assets(entry_id=\"<id>\") shows each track's format, whether it is machine-made (accuracy) and ready; read a track with get_caption_content(caption_asset_id=\"<id>\") and look for missing speech, timing gaps and unreadable lines.\n\
     3. Check which languages the audience needs that have little coverage.\n\
     4. End with a prioritized list of fixes."
}

/// Caption coverage of a set of entries.
#[derive(Debug, Default, PartialEq)]
struct Coverage {
    audited: usize,
    captioned: usize,
    /// (language, entries with a ready track in it), most covered first.
    by_language: Vec<(String, usize)>,
    /// (id, name) of entries without any ready caption.
    missing: Vec<(String, String)>,
}

impl Coverage {
    fn measure(entries: &[MediaEntry], captions: &[CaptionAsset]) -> Coverage {
        let mut coverage = Coverage {
            audited: entries.len(),
            ..Coverage::default()
        };
        for entry in entries {
            let id = entry.id.clone().unwrap_or_default();
            let mut languages: Vec<String> = captions
                .iter()
                .filter(|c| c.asset.entry_id.as_deref() == Some(id.as_str()) && c.asset.is_ready())
                .map(|c| {
                    c.language
                        .clone()
                        .or_else(|| c.language_code.clone())
                        .unwrap_or_else(|| "Unknown".into())
                })
                .collect();
            languages.sort();
            languages.dedup();
            if languages.is_empty() {
                coverage
                    .missing
                    .push((id, entry.name.clone().unwrap_or_default()));
                continue;
            }
            coverage.captioned += 1;
            for language in languages {
                match coverage
                    .by_language
                    .iter_mut()
                    .find(|(known, _)| *known == language)
                {
                    Some((_, count)) => *count += 1,
                    None => coverage.by_language.push((language, 1)),
                }
            }
        }
        coverage
            .by_language
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        coverage
    }

    fn render(&self, scope: &Scope, total_in_scope: i64) -> String {
        let percent = |count: usize| {
            if self.audited == 0 {
                0.0
            } else {
                count as f64 * 100.0 / self.audited as f64
            }
        };
        let mut text = format!(
            "Run an accessibility audit of the captions on {} in our Kaltura account.\n\nMeasured now ({} video/audio entries audited{}):\n- With at least one ready caption track: {} of {} ({:.0}%)\n",
            scope.describe(),
            self.audited,
            if total_in_scope > self.audited as i64 { format!(" of {total_in_scope} in scope; the newest {AUDIT_PAGE} at most") } else { String::new() },
            self.captioned,
            self.audited,
            percent(self.captioned),
        );
        if self.by_language.is_empty() {
            text.push_str("- No captions in any language.\n");
        } else {
            text.push_str(
                "\nCoverage by language:\n| Language | Entries | Coverage |\n|---|---|---|\n",
            );
            for (language, count) in &self.by_language {
                text.push_str(&format!(
                    "| {language} | {count} | {:.0}% |\n",
                    percent(*count)
                ));
            }
        }
        if !self.missing.is_empty() {
            text.push_str(&format!(
                "\nEntries without captions ({}):\n",
                self.missing.len()
            ));
            for (id, name) in self.missing.iter().take(LISTED_GAPS) {
                text.push_str(&format!("- {id} \"{name}\"\n"));
            }
            if self.missing.len() > LISTED_GAPS {
                text.push_str(&format!(
                    "- … and {} more\n",
                    self.missing.len() - LISTED_GAPS
                ));
            }
        }
        text.push_str(audit_next_steps());
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kaltura::model::AssetFields;

    #[test]
    fn scopes_parse_and_bad_ones_are_explained() {
        assert_eq!(Scope::parse("ALL").unwrap(), Scope::All);
        assert_eq!(Scope::parse("recent").unwrap(), Scope::Recent);
        assert_eq!(
            Scope::parse("category: Training").unwrap(),
            Scope::Category("Training".into())
        );
        assert!(matches!(
            Scope::parse("0_abcdefgh").unwrap(),
            Scope::Entry(_)
        ));
        for bad in ["", "category:", "everything", "0_ABC"] {
            assert!(
                matches!(Scope::parse(bad), Err(PromptError::InvalidArguments(_))),
                "{bad}"
            );
        }
    }

    fn entry(id: &str) -> MediaEntry {
        MediaEntry {
            id: Some(id.into()),
            name: Some(format!("Entry {id}")),
            media_type: Some(1),
            ..MediaEntry::default()
        }
    }

    fn caption(entry: &str, language: &str, status: i64) -> CaptionAsset {
        CaptionAsset {
            asset: AssetFields {
                entry_id: Some(entry.into()),
                status: Some(status),
                ..AssetFields::default()
            },
            language: Some(language.into()),
            ..CaptionAsset::default()
        }
    }

    #[test]
    fn coverage_counts_entries_per_language_and_ignores_unready_tracks() {
        let entries = [
            entry("0_aaaaaaaa"),
            entry("0_bbbbbbbb"),
            entry("0_cccccccc"),
        ];
        let captions = [
            caption("0_aaaaaaaa", "English", 2),
            caption("0_aaaaaaaa", "English", 2),
            caption("0_aaaaaaaa", "Spanish", 2),
            caption("0_bbbbbbbb", "English", 2),
            caption("0_cccccccc", "French", 1),
        ];
        let coverage = Coverage::measure(&entries, &captions);
        assert_eq!(coverage.audited, 3);
        assert_eq!(coverage.captioned, 2);
        assert_eq!(
            coverage.by_language,
            [("English".to_owned(), 2), ("Spanish".to_owned(), 1)]
        );
        assert_eq!(coverage.missing[0].0, "0_cccccccc");
        let text = coverage.render(&Scope::All, 3);
        assert!(text.contains("| English | 2 | 67% |"), "{text}");
        assert!(text.contains("2 of 3 (67%)"), "{text}");
    }
}
