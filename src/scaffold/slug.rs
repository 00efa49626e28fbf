//! Record ids from titles: ASCII lowercase letters, digits and `-`, readable in any of the
//! four languages, never empty, at most [`MAX`] characters.

use anyhow::bail;

/// The longest slug made from a title (a file name stays readable in a listing).
pub const MAX: usize = 48;

/// The slug of `title`. German umlauts become `ae`, `oe`, `ue` and `ß` `ss`; other accents
/// are dropped; kana is romanized and Chinese is written in pinyin (without tones). Kanji in
/// a Japanese title would be read as Chinese, so such a title gives only its Latin words, and
/// one without any is refused: the error asks for `--slug`.
pub fn from_title(title: &str) -> anyhow::Result<String> {
    let has_kana = title.chars().any(is_kana);
    let has_han = title.chars().any(is_han);
    let text: String = if has_kana && has_han {
        // Kanji romanized as Chinese would be wrong: keep the Latin words alone.
        title
            .chars()
            .map(|c| if is_kana(c) || is_han(c) { ' ' } else { c })
            .collect()
    } else {
        title.to_string()
    };
    let slug = slugify(&text);
    if slug.is_empty() {
        if has_kana && has_han {
            bail!(
                "cannot make a file name from the Japanese title `{title}` (kanji have no one reading); pass one with --slug, such as --slug image-pull-outage"
            );
        }
        bail!("cannot make a file name from the title `{title}`; pass one with --slug");
    }
    Ok(slug)
}

/// Checks a slug given with `--slug`.
pub fn check(slug: &str) -> anyhow::Result<()> {
    let valid = !slug.is_empty()
        && slug.len() <= MAX
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if !valid {
        bail!(
            "--slug `{slug}` is not a valid id: use 1 to {MAX} lowercase ASCII letters, digits and `-`, such as `database-failover`"
        );
    }
    Ok(())
}

fn slugify(text: &str) -> String {
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ä' | 'Ä' => ascii.push_str("ae"),
            'ö' | 'Ö' => ascii.push_str("oe"),
            'ü' | 'Ü' => ascii.push_str("ue"),
            'ß' | 'ẞ' => ascii.push_str("ss"),
            // Word by word: each CJK character is a syllable of its own.
            c if c.is_ascii() => ascii.push(c),
            c if is_han(c) => {
                ascii.push(' ');
                ascii.push_str(deunicode::deunicode_char(c).unwrap_or(" "));
                ascii.push(' ');
            }
            // The long-vowel mark: `sābā` reads better as `saba` than as `sa-ba`.
            'ー' | 'ｰ' => {}
            c => ascii.push_str(deunicode::deunicode_char(c).unwrap_or(" ")),
        }
    }
    let words: Vec<String> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut slug = String::new();
    for word in words {
        let extra = usize::from(!slug.is_empty()) + word.len();
        if slug.len() + extra > MAX {
            if slug.is_empty() {
                slug.push_str(&word[..MAX]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_titles_keep_their_words_with_umlauts_transliterated() {
        let slug = |t: &str| from_title(t).unwrap();
        assert_eq!(slug("Docker image not found"), "docker-image-not-found");
        assert_eq!(
            slug("Störung der Größenprüfung"),
            "stoerung-der-groessenpruefung"
        );
        assert_eq!(slug("Café: déjà vu #2"), "cafe-deja-vu-2");
        assert_eq!(slug("  API -- 503s!  "), "api-503s");
    }

    #[test]
    fn chinese_is_pinyin_and_kana_is_romanized() {
        assert_eq!(from_title("数据库故障").unwrap(), "shu-ju-ku-gu-zhang");
        assert_eq!(from_title("サーバー ダウン").unwrap(), "saba-daun");
    }

    #[test]
    fn japanese_with_kanji_keeps_its_latin_words_or_asks_for_a_slug() {
        assert_eq!(
            from_title("Docker Hub でイメージの取得が停止").unwrap(),
            "docker-hub"
        );
        let error = from_title("東京リージョンの障害").unwrap_err().to_string();
        assert!(error.contains("--slug"), "{error}");
    }

    #[test]
    fn never_empty_and_never_too_long() {
        assert!(from_title("!!!").is_err());
        let long = from_title(&"word ".repeat(40)).unwrap();
        assert!(long.len() <= MAX && !long.ends_with('-'), "{long}");
        assert_eq!(from_title(&"a".repeat(100)).unwrap().len(), MAX);
    }

    #[test]
    fn a_given_slug_is_checked() {
        assert!(check("db-failover-2").is_ok());
        for bad in [
            "",
            "Upper",
            "with space",
            "-lead",
            "ümlaut",
            &"a".repeat(MAX + 1),
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
    }
}
