//! Quotation marks, apostrophes and title case in citation text, as citeproc-js (the reference
//! CSL processor) treats them, so nkru's APA and Chicago text matches what it renders.

/// A text's quotation marks as the reference processor reads them: a straight or curly opening
/// mark with its closing one is a quotation, rendered with the locale's marks at its depth; a
/// straight `'` inside a word is an apostrophe, rendered `’`; a mark without its pair stays as
/// written. `inside_quotes` says whether the text stands inside quotation marks of the style's
/// own (as a Chicago article title does), which turns the outermost quotation into single marks.
pub fn quotes(text: &str, inside_quotes: bool) -> Quoted {
    let text = straighten_apostrophes(text);
    let mut doppel = Doppel::split(&format!(" {text}"));
    let mut nesting: Vec<(Tag, usize)> = Vec::new();
    for index in 0..doppel.tags.len() {
        let tag = doppel.tags[index];
        if let Some(apostrophe) = forced_apostrophe(tag, &doppel.strings[index + 1]) {
            doppel.strings[index + 1].insert_str(0, apostrophe);
            doppel.tags[index] = Tag::Gone;
            continue;
        }
        let fixed = loop {
            if tag.opens() {
                nesting.push((tag, index));
                break None;
            }
            let position = match nesting.last() {
                Some(&(top, _)) if top.closer() == Some(tag) => {
                    nesting.pop();
                    break None;
                }
                Some(&(_, position)) => position,
                None => index,
            };
            // A closing mark without its opening one: a straight `'` is an apostrophe; else
            // the quotation it would close is text as written, and the mark is tried again.
            if tag == Tag::Straight('\'') {
                doppel.strings[index + 1].insert(0, '’');
                doppel.tags[index] = Tag::Gone;
            } else {
                let mut failed = doppel.tags[position].text().to_owned();
                if position > 0 && doppel.forced_space(position - 1) {
                    failed.remove(0);
                }
                doppel.strings[position + 1].insert_str(0, &failed);
                doppel.tags[position] = Tag::Gone;
            }
            if nesting.is_empty() || tag == Tag::Straight('\'') {
                break Some(position);
            }
            nesting.pop();
        };
        if fixed.is_some() {
            let literal = doppel.tags[index].text().to_owned();
            doppel.strings[index + 1].insert_str(0, &literal);
            doppel.tags[index] = Tag::Gone;
        }
    }
    // Marks left open are text as written; a straight single one is an apostrophe.
    while let Some((_, position)) = nesting.pop() {
        let literal = match doppel.tags[position] {
            Tag::SpacedStraight('\'') | Tag::Straight('\'') => String::from(" ’"),
            other => other.text().to_owned(),
        };
        doppel.strings[position + 1].insert_str(0, &literal);
        doppel.tags[position] = Tag::Gone;
    }
    doppel.drop_gone();
    // The first straight mark that opens a quotation decides which straight mark is outer.
    let mut outer_straight = None;
    for index in 0..doppel.tags.len() {
        if let Tag::SpacedStraight(mark) | Tag::ParenStraight(mark) = doppel.tags[index] {
            outer_straight.get_or_insert(mark);
            if !doppel.forced_space(index.wrapping_sub(1)) {
                let lead = if matches!(doppel.tags[index], Tag::ParenStraight(_)) {
                    '('
                } else {
                    ' '
                };
                doppel.strings[index].push(lead);
            }
        }
    }
    doppel.render(inside_quotes, outer_straight.unwrap_or('"'))
}

/// Text with its quotation marks rendered, and how many closing marks end it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// The rendered text.
    pub text: String,
    /// The closing quotation marks (not apostrophes) at its end, which punctuation after the
    /// text goes inside.
    pub closing_marks: usize,
}

/// A mark the reference processor reads as opening or closing a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// `"` or `'` after a space (or at the start): opens.
    SpacedStraight(char),
    /// `"` or `'` after an opening parenthesis: opens.
    ParenStraight(char),
    /// `“` or `‘`: opens.
    CurlyOpen(char),
    /// `"` or `'` elsewhere: closes.
    Straight(char),
    /// `”` or `’`: closes.
    CurlyClose(char),
    /// A mark already turned into text.
    Gone,
}

impl Tag {
    fn opens(self) -> bool {
        matches!(
            self,
            Tag::SpacedStraight(_) | Tag::ParenStraight(_) | Tag::CurlyOpen(_)
        )
    }

    /// The closing mark that ends a quotation this mark opens.
    fn closer(self) -> Option<Tag> {
        match self {
            Tag::SpacedStraight(mark) | Tag::ParenStraight(mark) => Some(Tag::Straight(mark)),
            Tag::CurlyOpen('“') => Some(Tag::CurlyClose('”')),
            Tag::CurlyOpen(_) => Some(Tag::CurlyClose('’')),
            _ => None,
        }
    }

    /// Whether this opening mark is a double one.
    fn double(self) -> bool {
        matches!(
            self,
            Tag::SpacedStraight('"') | Tag::ParenStraight('"') | Tag::CurlyOpen('“')
        )
    }

    fn text(self) -> &'static str {
        match self {
            Tag::SpacedStraight('"') => " \"",
            Tag::SpacedStraight(_) => " '",
            Tag::ParenStraight('"') => "(\"",
            Tag::ParenStraight(_) => "('",
            Tag::CurlyOpen('“') => "“",
            Tag::CurlyOpen(_) => "‘",
            Tag::Straight('"') => "\"",
            Tag::Straight(_) => "'",
            Tag::CurlyClose('”') => "”",
            Tag::CurlyClose(_) => "’",
            Tag::Gone => "",
        }
    }
}

/// A text split at its marks: `strings` has one more item than `tags`.
struct Doppel {
    tags: Vec<Tag>,
    strings: Vec<String>,
    /// For each opening mark in order, whether the mark after it was given a space of its own.
    /// Read, as the reference processor reads it, by the index of a mark less one.
    forced_spaces: Vec<bool>,
}

impl Doppel {
    fn split(text: &str) -> Doppel {
        let mut tags = Vec::new();
        let mut strings = vec![String::new()];
        let characters: Vec<char> = text.chars().collect();
        let mut index = 0;
        while index < characters.len() {
            let character = characters[index];
            let next = characters.get(index + 1).copied();
            let tag = match (character, next) {
                (' ', Some(mark @ ('"' | '\''))) => Some((Tag::SpacedStraight(mark), 2)),
                ('(', Some(mark @ ('"' | '\''))) => Some((Tag::ParenStraight(mark), 2)),
                ('“' | '‘', _) => Some((Tag::CurlyOpen(character), 1)),
                ('"' | '\'', _) => Some((Tag::Straight(character), 1)),
                ('”' | '’', _) => Some((Tag::CurlyClose(character), 1)),
                _ => None,
            };
            if let Some((tag, length)) = tag {
                tags.push(tag);
                strings.push(String::new());
                index += length;
            } else {
                if let Some(last) = strings.last_mut() {
                    last.push(character);
                }
                index += 1;
            }
        }
        let mut forced_spaces = Vec::new();
        for index in 0..tags.len().saturating_sub(1) {
            if tags[index].opens() {
                let forced =
                    strings[index + 1].is_empty() && matches!(tags[index + 1], Tag::Straight(_));
                if forced {
                    tags[index + 1] = match tags[index + 1] {
                        Tag::Straight(mark) => Tag::SpacedStraight(mark),
                        other => other,
                    };
                }
                forced_spaces.push(forced);
            }
        }
        Doppel {
            tags,
            strings,
            forced_spaces,
        }
    }

    fn forced_space(&self, index: usize) -> bool {
        self.forced_spaces.get(index).copied().unwrap_or(false)
    }

    fn drop_gone(&mut self) {
        let mut index = self.tags.len();
        while index > 0 {
            index -= 1;
            if self.tags[index] == Tag::Gone {
                self.tags.remove(index);
                let after = self.strings.remove(index + 1);
                self.strings[index].push_str(&after);
            }
        }
    }

    fn render(self, inside_quotes: bool, outer_straight: char) -> Quoted {
        let mut text = String::new();
        // Each open quotation: whether it is rendered with double marks.
        let mut open: Vec<bool> = Vec::new();
        let mut closing_marks = 0;
        let mut first = true;
        let mut push = |text: &mut String, string: &str, closing_marks: &mut usize| {
            let mut string = string;
            if first {
                // The space put before the text, and one of the text's own, are dropped.
                string = string.strip_prefix(' ').unwrap_or(string);
                string = string.strip_prefix(' ').unwrap_or(string);
                first = false;
            }
            if !string.is_empty() {
                *closing_marks = 0;
            }
            text.push_str(string);
        };
        push(&mut text, &self.strings[0], &mut closing_marks);
        for (tag, string) in self.tags.iter().zip(&self.strings[1..]) {
            if tag.opens() {
                let double = match open.last() {
                    Some(&outer) => !outer,
                    None if inside_quotes => false,
                    None => match tag {
                        Tag::SpacedStraight(mark) | Tag::ParenStraight(mark) => {
                            *mark == outer_straight
                        }
                        _ => tag.double(),
                    },
                };
                open.push(double);
                text.push(if double { '“' } else { '‘' });
                closing_marks = 0;
            } else {
                let double = open.pop().unwrap_or(true);
                text.push(if double { '”' } else { '’' });
                closing_marks += 1;
            }
            push(&mut text, string, &mut closing_marks);
        }
        Quoted {
            text,
            closing_marks,
        }
    }
}

/// Letters of the scripts the reference processor treats as written with spaces between words.
fn romanesque(character: char) -> bool {
    matches!(character,
        '-' | '0'..='9' | 'a'..='z' | 'A'..='Z'
        | '\u{0e01}'..='\u{0e5b}' | '\u{00c0}'..='\u{017f}' | '\u{0370}'..='\u{03ff}'
        | '\u{0400}'..='\u{052f}' | '\u{0590}'..='\u{05d4}' | '\u{05d6}'..='\u{05ff}'
        | '\u{1f00}'..='\u{1fff}' | '\u{0600}'..='\u{06ff}' | '\u{200c}' | '\u{200d}'
        | '\u{200e}' | '\u{0218}'..='\u{021b}' | '\u{202a}'..='\u{202e}')
}

/// `’` between two letters becomes `'`, read again as an apostrophe.
fn straighten_apostrophes(text: &str) -> String {
    let characters: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < characters.len() {
        if index + 2 < characters.len()
            && romanesque(characters[index])
            && characters[index + 1] == '’'
            && romanesque(characters[index + 2])
        {
            out.push(characters[index]);
            out.push('\'');
            out.push(characters[index + 2]);
            index += 3;
        } else {
            out.push(characters[index]);
            index += 1;
        }
    }
    out
}

/// A straight single mark that is an apostrophe rather than a quotation mark.
fn forced_apostrophe(tag: Tag, after: &str) -> Option<&'static str> {
    match tag {
        Tag::Straight('\'')
            if after
                .chars()
                .next()
                .is_some_and(|next| !matches!(next, ',' | '.' | '?' | ':' | ';' | ' ')) =>
        {
            Some("’")
        }
        Tag::SpacedStraight('\'') if after.starts_with(' ') => Some(" ’"),
        _ => None,
    }
}

/// The words title case leaves in lower case, as the reference processor lists them; a `.` in
/// one stands for any character, as it does there.
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "across",
    "afore",
    "after",
    "against",
    "al",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "amongst",
    "anenst",
    "apropos",
    "apud",
    "around",
    "as",
    "aside",
    "astride",
    "at",
    "athwart",
    "atop",
    "barring",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "but",
    "by",
    "circa",
    "despite",
    "down",
    "during",
    "et",
    "except",
    "for",
    "forenenst",
    "from",
    "given",
    "in",
    "inside",
    "into",
    "lest",
    "like",
    "modulo",
    "near",
    "next",
    "notwithstanding",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "over",
    "per",
    "plus",
    "pro",
    "qua",
    "sans",
    "since",
    "than",
    "through",
    "throughout",
    "thruout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "unto",
    "up",
    "upon",
    "versus",
    "vs.",
    "v.",
    "vs",
    "v",
    "via",
    "with",
    "within",
    "without",
    "or",
    "yet",
    "so",
    "and",
    "nor",
    "a",
    "an",
    "the",
    "de",
    "d'",
    "von",
    "van",
    "c",
    "ca",
];

fn stop_word(word: &str) -> bool {
    STOP_WORDS.iter().any(|stop| {
        stop.chars().count() == word.chars().count()
            && stop
                .chars()
                .zip(word.chars())
                .all(|(expected, actual)| expected == '.' || expected == actual)
    })
}

/// Whether a character ends a piece of text that title case treats as a unit.
fn title_boundary(character: char) -> bool {
    matches!(
        character,
        '‘' | '’'
            | '“'
            | '”'
            | '"'
            | '\''
            | '-'
            | '–'
            | '—'
            | '/'
            | '.'
            | ','
            | ';'
            | '?'
            | '!'
            | ':'
            | '['
            | ']'
            | '('
            | ')'
    )
}

/// The length of a word as JavaScript counts it.
fn js_length(word: &str) -> usize {
    word.encode_utf16().count()
}

fn capitalise(word: &str) -> String {
    let mut characters = word.chars();
    match characters.next() {
        Some(first)
            if !(('\u{0370}'..='\u{03ff}').contains(&first) && word.chars().count() == 1) =>
        {
            first.to_uppercase().chain(characters).collect()
        }
        _ => word.to_owned(),
    }
}

/// Title case as the reference processor applies it to an English title: each word written
/// in lower case gains a capital unless it is a stop word inside the title; a word with a
/// capital is left as it is.
pub fn title_case(text: &str) -> String {
    let (tags, mut strings) = title_pieces(text);
    let original = strings.clone();
    let mut state = TitleState {
        first: true,
        after_punctuation: false,
        last_word: None,
    };
    if !strings[0].trim().is_empty() {
        strings[0] = state.words(&strings[0], 0, tags.first().map(AsRef::as_ref));
    }
    // Quotation marks open and close; a capital after a mark that does not pair is undone.
    let mut quote_state: Vec<Quotation> = Vec::new();
    for position in 0..tags.len() {
        let tag = tags[position].as_str();
        let string = original[position + 1].clone();
        if tag.ends_with(['!', '?', ':']) {
            state.after_punctuation = true;
        }
        strings[position + 1] = state.words(&strings[position + 1], position + 1, None);
        if let Some(undo) = quotation_mark(tag, position, &mut quote_state) {
            restore_first(&mut strings[undo + 1], &original[undo + 1]);
            state.last_word = None;
        }
        if !string.trim().is_empty() {
            state.first = false;
            state.after_punctuation = false;
        }
    }
    for quotation in &quote_state {
        if let Some(position) = quotation.position {
            restore_first(&mut strings[position + 1], &original[position + 1]);
        }
    }
    // A stop word at the very end is capitalised.
    if let Some((string, word)) = state.last_word {
        let mut words: Vec<String> = strings[string].split(' ').map(str::to_owned).collect();
        if let Some(last) = words.get_mut(word)
            && js_length(last) > 1
            && stop_word(&last.to_lowercase())
        {
            *last = capitalise(last);
        }
        strings[string] = words.join(" ");
    }
    let mut out = strings[0].clone();
    for (tag, string) in tags.iter().zip(&strings[1..]) {
        out.push_str(tag);
        out.push_str(string);
    }
    out
}

/// The first word capitalised when it is written in lower case, as CSL's `capitalize-first`.
pub fn capitalize_first(text: &str) -> String {
    let Some(start) = text.find(|character: char| !character.is_whitespace()) else {
        return text.to_owned();
    };
    let end = text[start..]
        .find(|character: char| character == ' ' || title_boundary(character))
        .map_or(text.len(), |length| start + length);
    let word = &text[start..end];
    if word.is_empty() || word != word.to_lowercase() {
        return text.to_owned();
    }
    format!("{}{}{}", &text[..start], capitalise(word), &text[end..])
}

/// A text split where title case splits it, at quotation marks and punctuation: the marks,
/// and the pieces between them (one more than the marks).
fn title_pieces(text: &str) -> (Vec<String>, Vec<String>) {
    let mut strings: Vec<String> = vec![String::new()];
    let mut tags: Vec<String> = Vec::new();
    let characters: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < characters.len() {
        let character = characters[index];
        if character == ' ' && matches!(characters.get(index + 1), Some('"' | '\'')) {
            tags.push(format!(" {}", characters[index + 1]));
            strings.push(String::new());
            index += 2;
        } else if title_boundary(character) {
            tags.push(character.to_string());
            strings.push(String::new());
            index += 1;
        } else {
            if let Some(last) = strings.last_mut() {
                last.push(character);
            }
            index += 1;
        }
    }
    // A straight `'` with text after it is read as part of that text, not as a mark.
    for position in (0..tags.len()).rev() {
        if tags[position] == "'" && !strings[position + 1].is_empty() {
            strings[position + 1].insert(0, '\'');
            tags[position] = String::new();
        }
    }
    (tags, strings)
}

/// Follows the quotation marks title case has seen, given the mark at `position`; returns the
/// position of a mark that turned out not to pair, after which a capital is undone.
fn quotation_mark(tag: &str, position: usize, open: &mut Vec<Quotation>) -> Option<usize> {
    let mark = if tag.starts_with(['‘', '’', '“', '”', '"', '\'']) {
        &tag[..tag.chars().next().map_or(0, char::len_utf8)]
    } else if tag == " \"" || tag == " '" {
        tag
    } else {
        return None;
    };
    if let Some((opener, closer)) = quotation_of(mark) {
        if open.last().is_none_or(|top| top.opener == mark) {
            open.push(Quotation {
                opener,
                closer,
                position: Some(position),
            });
            None
        } else {
            let previous = open.pop().and_then(|top| top.position);
            open.push(Quotation {
                opener,
                closer,
                position: None,
            });
            previous
        }
    } else if open.last().is_some_and(|top| top.closer == mark) {
        open.pop();
        None
    } else {
        Some(position)
    }
}

/// A quotation title case has seen open: the mark that may open one inside it, the mark that
/// closes it, and the piece it opened before.
struct Quotation {
    opener: &'static str,
    closer: &'static str,
    position: Option<usize>,
}

/// The marks that nest inside and close a quotation that `mark` opens, if it opens one.
fn quotation_of(mark: &str) -> Option<(&'static str, &'static str)> {
    match mark {
        " \"" => Some((" '", "\"")),
        " '" => Some((" \"", "'")),
        "‘" => Some(("‘", "’")),
        "“" => Some(("“", "”")),
        _ => None,
    }
}

/// Where title case has reached.
struct TitleState {
    first: bool,
    after_punctuation: bool,
    /// The piece and the word within it of the last word seen.
    last_word: Option<(usize, usize)>,
}

impl TitleState {
    fn words(&mut self, string: &str, piece: usize, following: Option<&str>) -> String {
        if string.trim().is_empty() {
            return string.to_owned();
        }
        let words: Vec<&str> = string.split(' ').collect();
        let count = words.len();
        let mut out = Vec::with_capacity(count);
        for (index, word) in words.into_iter().enumerate() {
            if word.is_empty() {
                out.push(word.to_owned());
                continue;
            }
            let lower = word.to_lowercase();
            let capital = (js_length(word) > 1 && !stop_word(&lower))
                || (index == count - 1 && following == Some("-"))
                || self.first
                || self.after_punctuation;
            out.push(if capital && word == lower {
                capitalise(word)
            } else {
                word.to_owned()
            });
            self.after_punctuation = false;
            self.first = false;
            self.last_word = Some((piece, index));
        }
        out.join(" ")
    }
}

fn restore_first(string: &mut String, original: &str) {
    if let Some(first) = original.chars().next() {
        let rest: String = string.chars().skip(1).collect();
        *string = format!("{first}{rest}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_turn_and_quotations_take_the_locales_marks() {
        assert_eq!(quotes("Russia's camps", false).text, "Russia’s camps");
        assert_eq!(
            quotes("'Like prisoners': labour", false).text,
            "“Like prisoners”: labour"
        );
        assert_eq!(
            quotes("'Like prisoners': labour", true).text,
            "‘Like prisoners’: labour"
        );
        let quoted = quotes("“러 APEC 투입”", false);
        assert_eq!(
            (quoted.text.as_str(), quoted.closing_marks),
            ("“러 APEC 투입”", 1)
        );
        assert_eq!(
            quotes("1분기 '북한주민 753명'에 발급", false).text,
            "1분기 ’북한주민 753명’에 발급"
        );
    }

    #[test]
    fn title_case_capitalises_lower_case_words_but_stop_words() {
        assert_eq!(
            title_case("growing danger for North Korean escapees in Russia"),
            "Growing Danger for North Korean Escapees in Russia"
        );
        assert_eq!(title_case("GlobalSecurity.org"), "GlobalSecurity.Org");
        assert_eq!(title_case("what it is for"), "What It Is For");
        assert_eq!(title_case("North Korean POWs"), "North Korean POWs");
    }
}
