//! Text matching shared by list filters (Sphinx-like: words and phrases)
//! and eSearch (exact, partial, starts-with, with `<em>` highlights).

/// Lower-case words of a text: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Sphinx `@field "a b"`: the words of `phrase` appear in a row.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let needle = words(phrase);
    if needle.is_empty() {
        return false;
    }
    let hay = words(text);
    hay.windows(needle.len())
        .any(|window| window == needle.as_slice())
}

/// Every word of `query` is a word of `text`.
pub fn has_all_words(text: &str, query: &str) -> bool {
    let hay = words(text);
    let needle = words(query);
    !needle.is_empty() && needle.iter().all(|word| hay.contains(word))
}

/// eSearch PARTIAL: every word of the term occurs inside some word of
/// the text (the n-gram analyzer makes "kube" find "Kubernetes").
pub fn partial(text: &str, term: &str) -> bool {
    let hay = words(text);
    let needle = words(term);
    !needle.is_empty()
        && needle
            .iter()
            .all(|part| hay.iter().any(|word| word.contains(part.as_str())))
}

/// eSearch EXACT_MATCH on a keyword field: the whole value, any case.
pub fn exact(text: &str, term: &str) -> bool {
    !term.is_empty() && text.trim().eq_ignore_ascii_case(term.trim())
}

/// eSearch STARTS_WITH: the value, or one of its words, starts with it.
pub fn starts_with(text: &str, term: &str) -> bool {
    let term = term.trim().to_lowercase();
    !term.is_empty()
        && (text.to_lowercase().starts_with(&term)
            || words(text).iter().any(|word| word.starts_with(&term)))
}

/// `text` with every occurrence of the term's words wrapped in `<em>`.
pub fn highlight(text: &str, term: &str) -> String {
    let needles = words(term);
    let lower = text.to_lowercase();
    // Mark matched byte ranges on the lower-cased copy; lower-casing can
    // change lengths for some scripts, so fall back to the whole text then.
    if lower.len() != text.len() {
        return format!("<em>{text}</em>");
    }
    let mut marked = vec![false; text.len()];
    for needle in &needles {
        let mut from = 0;
        while let Some(found) = lower[from..].find(needle.as_str()) {
            let start = from + found;
            marked[start..start + needle.len()]
                .iter_mut()
                .for_each(|m| *m = true);
            from = start + needle.len().max(1);
        }
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut open = false;
    for (index, c) in text.char_indices() {
        let on = marked[index];
        if on && !open {
            out.push_str("<em>");
        }
        if !on && open {
            out.push_str("</em>");
        }
        open = on;
        out.push(c);
    }
    if open {
        out.push_str("</em>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_rules() {
        assert!(has_phrase("Quarterly Town Hall - Q2", "town hall"));
        assert!(!has_phrase("Town of the Hall", "town hall"));
        assert!(has_all_words(
            "Intro to Kubernetes networking",
            "networking kubernetes"
        ));
        assert!(partial("Intro to Kubernetes", "kube"));
        assert!(exact("Security", "security"));
        assert!(starts_with("Intro to Kubernetes", "kub"));
        assert_eq!(
            highlight("Intro to Kubernetes", "kubernetes intro"),
            "<em>Intro</em> to <em>Kubernetes</em>"
        );
    }
}
