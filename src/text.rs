//! Small text helpers shared by messages and human views: escaping, quoting, number formatting.

use std::borrow::Cow;
use std::fmt::Write;

use unicode_normalization::UnicodeNormalization;

/// The longest piece of user input repeated in a message, in characters.
const QUOTE_LIMIT: usize = 60;

/// Whether a character can act on a terminal or change how the text around it shows: control
/// characters (Cc), Unicode format characters (Cf: bidirectional overrides and isolates,
/// zero-width characters, the byte-order mark, soft hyphens, tags...), and the line and paragraph
/// separators (Zl, Zp).
pub fn is_unsafe_on_terminal(character: char) -> bool {
    character.is_control()
        || matches!(
            u32::from(character),
            0x00AD
                | 0x0600..=0x0605
                | 0x061C
                | 0x06DD
                | 0x070F
                | 0x0890..=0x0891
                | 0x08E2
                | 0x180E
                | 0x200B..=0x200F
                | 0x2028..=0x202E
                | 0x2060..=0x2064
                | 0x2066..=0x206F
                | 0xFEFF
                | 0xFFF9..=0xFFFB
                | 0x110BD
                | 0x110CD
                | 0x13430..=0x1343F
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0001
                | 0xE0020..=0xE007F
        )
}

/// The characters a text may not consist of alone: white space as Unicode and as JSON Schema's
/// regular expressions count it (which differ on U+0085 and U+FEFF), so the validator and the
/// schema agree on what is blank.
pub const BLANK_CHARACTERS: &[char] = &[
    '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}',
    '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
    '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}', '\u{feff}',
];

/// Whether a text holds nothing but [`BLANK_CHARACTERS`].
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|character| BLANK_CHARACTERS.contains(&character))
}

/// Makes every character that could act on a terminal or hide, move or reorder text visible as
/// an escape (`\u{1b}`, `\r`, `\u{202e}`, ...), so text from a dataset or a command line shows as
/// what it is.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if character.is_control() {
            escaped.extend(character.escape_default());
        } else if is_unsafe_on_terminal(character) {
            let _ = write!(escaped, "\\u{{{:x}}}", u32::from(character));
        } else {
            escaped.push(character);
        }
    }
    Cow::Owned(escaped)
}

/// User input made safe and short for an error message.
pub fn quote(text: &str) -> String {
    let escaped = escape_control(text);
    let mut characters = escaped.chars();
    let mut quoted: String = characters.by_ref().take(QUOTE_LIMIT).collect();
    if characters.next().is_some() {
        quoted.push('…');
    }
    quoted
}

/// A text folded for comparing names and searching: compatibility forms made plain (NFKD, so
/// full-width letters and composed or decomposed Hangul and Cyrillic meet), accents and other
/// combining marks left out (`café` and `cafe`, `İstanbul` and `istanbul`, `ё` and `е` meet),
/// lower-cased, and composed again (NFC). The one place where nkru decides when two texts are
/// the same name.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let bare: String = text
        .nfkd()
        .filter(|character| !unicode_normalization::char::is_combining_mark(*character))
        .collect();
    // Lower-casing can leave marks or compatibility forms again, so it is decomposed once more.
    bare.to_lowercase()
        .nfkd()
        .filter(|character| !unicode_normalization::char::is_combining_mark(*character))
        .nfc()
        .collect()
}

/// Whether `text` contains `folded`, a text already passed through [`fold`], ignoring case and
/// Unicode form. The text is folded into a copy and searched with the standard library's
/// linear-time search, so the cost grows with the length of the text plus the pattern, never
/// their product.
pub fn contains_folded(text: &str, folded: &str) -> bool {
    folded.is_empty() || fold(text).contains(folded)
}

/// A name as people type it, made comparable: folded ([`fold`]), its white space made single
/// spaces and trimmed.
pub fn normalize_name(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key by which two names are one name: normalized ([`normalize_name`]) and without a final
/// `s`, so `Guest  Workers` and `guest worker` meet. The lookup of a group by name and the
/// dataset's check that no two groups share a name both compare names by it.
pub fn name_key(name: &str) -> String {
    let mut key = normalize_name(name);
    if key.ends_with('s') {
        key.pop();
    }
    key
}

/// A whole number with thousands separated by commas, as people read figures.
pub fn thousands(number: i128) -> String {
    let mut grouped = String::with_capacity(48);
    if number < 0 {
        grouped.push('-');
    }
    push_thousands(&mut grouped, number.unsigned_abs());
    grouped
}

/// Writes a whole number with a comma between groups of three digits onto `text`.
fn push_thousands(text: &mut String, number: u128) {
    let mut buffer = [0u8; 39];
    let digits = decimal_digits(number, &mut buffer);
    let count = digits.len();
    for (index, digit) in digits.iter().enumerate() {
        if index > 0 && (count - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(char::from(*digit));
    }
}

/// The decimal digits of a whole number, as ASCII, written at the end of `buffer` (39 bytes hold
/// any `u128`). Figures fit in 64 bits, whose division is a single instruction; 128-bit division
/// is a call per digit, so it is used only past them.
pub fn decimal_digits(number: u128, buffer: &mut [u8; 39]) -> &[u8] {
    let mut start = buffer.len();
    let mut push = |digit: u8| {
        start -= 1;
        buffer[start] = b'0' + digit;
    };
    if let Ok(mut rest) = u64::try_from(number) {
        loop {
            // A digit: the remainder is below ten.
            push(u8::try_from(rest % 10).unwrap_or(0));
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
    } else {
        let mut rest = number;
        loop {
            push(u8::try_from(rest % 10).unwrap_or(0));
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
    }
    &buffer[start..]
}

/// A figure range as people read it: `10,000` or `15,000–20,000`.
pub fn figure_range(low: u64, high: u64) -> String {
    let mut range = String::with_capacity(32);
    push_figure_range(&mut range, low, high);
    range
}

/// Writes a figure range as [`figure_range`] words it onto `text`.
pub fn push_figure_range(text: &mut String, low: u64, high: u64) {
    push_thousands(text, u128::from(low));
    if high != low {
        text.push('–');
        push_thousands(text, u128::from(high));
    }
}

/// A span of years as people read it: `1953–1962`, `1999`, `from 2000`, or `unknown`.
pub fn year_span(from: Option<i32>, to: Option<i32>) -> String {
    match (from, to) {
        (Some(from), Some(to)) if from == to => from.to_string(),
        (Some(from), Some(to)) => format!("{from}–{to}"),
        (Some(from), None) => format!("from {from}"),
        (None, Some(to)) => format!("until {to}"),
        (None, None) => String::from("unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_other_text_kept() {
        assert_eq!(
            escape_control("Koryo-saram 고려사람"),
            "Koryo-saram 고려사람"
        );
        assert_eq!(escape_control("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(escape_control("line\r\nnext\u{8}"), "line\\r\\nnext\\u{8}");
        assert_eq!(escape_control("\u{9b}2J"), "\\u{9b}2J");
        assert_eq!(escape_control("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(
            escape_control("\u{2066}x\u{2069}\u{200b}\u{feff}\u{2028}\u{2029}"),
            "\\u{2066}x\\u{2069}\\u{200b}\\u{feff}\\u{2028}\\u{2029}"
        );
        assert_eq!(escape_control("고려사람 — Корё"), "고려사람 — Корё");
    }

    #[test]
    fn quotes_are_cut_at_the_limit() {
        let long = "x".repeat(100_000);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), QUOTE_LIMIT + 1);
        assert!(quoted.ends_with('…'));
        assert_eq!(quote("workers"), "workers");
    }

    #[test]
    fn fold_meets_unicode_forms_and_case() {
        assert_eq!(fold("Sakhalin"), "sakhalin");
        assert_eq!(fold("САХАЛИН"), fold("Сахалин"));
        // Full-width Latin letters and a decomposed Hangul syllable fold to the usual forms.
        assert_eq!(fold("ＫＰＡ"), "kpa");
        assert_eq!(fold("\u{1109}\u{1161}"), fold("사"));
        assert_eq!(fold("Корё"), fold("Кор\u{435}\u{308}"));
        assert!(contains_folded("Сахалинская область", &fold("САХАЛИН")));
        assert!(contains_folded("사할린 한인", &fold("사할린")));
    }

    #[test]
    fn contains_folded_ignores_case_in_ascii_and_other_text() {
        assert!(contains_folded("Primorsky Krai", "krai"));
        assert!(contains_folded("SAKHALIN", "khal"));
        assert!(!contains_folded("Sakhalin", "moscow"));
        assert!(!contains_folded("Sak", "sakhalin"));
        assert!(contains_folded("anything", ""));
        assert!(contains_folded("Москва", "моск"));
        assert!(contains_folded("Приморский КРАЙ", &fold("край")));
        assert!(contains_folded("Приморский край", &fold("КРАИ")));
        assert!(contains_folded("ÉTÉ in Russia", "russia"));
    }

    #[test]
    fn numbers_ranges_and_spans_read_naturally() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(-1_234_567), "-1,234,567");
        // Past 64 bits the digits come from 128-bit division.
        assert_eq!(
            thousands(i128::from(u64::MAX)),
            "18,446,744,073,709,551,615"
        );
        assert_eq!(
            thousands(i128::from(u64::MAX) + 1),
            "18,446,744,073,709,551,616"
        );
        assert_eq!(
            thousands(i128::MIN),
            "-170,141,183,460,469,231,731,687,303,715,884,105,728"
        );
        assert_eq!(figure_range(100, 500), "100–500");
        assert_eq!(figure_range(8000, 8000), "8,000");
        assert_eq!(year_span(Some(1953), Some(1962)), "1953–1962");
        assert_eq!(year_span(Some(1999), Some(1999)), "1999");
        assert_eq!(year_span(None, None), "unknown");
        assert_eq!(year_span(Some(2000), None), "from 2000");
    }
}
