//! The Porter stemmer (M. F. Porter, 1980), so that "painted", "painting" and "paints" meet at
//! "paint". Words that are not plain ASCII letters are returned unchanged.

/// Irregular verb forms and their base forms, sorted by form, so "won" meets "win".
#[rustfmt::skip]
const IRREGULAR: &[(&str, &str)] = &[
    ("ate", "eat"), ("became", "become"), ("began", "begin"), ("begun", "begin"),
    ("bought", "buy"), ("broke", "break"), ("broken", "break"), ("brought", "bring"),
    ("built", "build"), ("came", "come"), ("caught", "catch"), ("chose", "choose"),
    ("chosen", "choose"), ("drawn", "draw"), ("drew", "draw"), ("driven", "drive"),
    ("drove", "drive"), ("eaten", "eat"), ("fell", "fall"), ("felt", "feel"), ("flew", "fly"),
    ("flown", "fly"), ("fought", "fight"), ("found", "find"), ("gave", "give"), ("given", "give"),
    ("gone", "go"), ("grew", "grow"), ("grown", "grow"), ("heard", "hear"), ("held", "hold"),
    ("kept", "keep"), ("knew", "know"), ("known", "know"), ("led", "lead"), ("left", "leave"),
    ("lost", "lose"), ("made", "make"), ("met", "meet"), ("paid", "pay"), ("ran", "run"),
    ("rode", "ride"), ("sang", "sing"), ("saw", "see"), ("seen", "see"), ("sent", "send"),
    ("shot", "shoot"), ("sold", "sell"), ("spent", "spend"), ("spoke", "speak"),
    ("stood", "stand"), ("sung", "sing"), ("swam", "swim"), ("taken", "take"), ("taught", "teach"),
    ("thought", "think"), ("threw", "throw"), ("thrown", "throw"), ("told", "tell"),
    ("took", "take"), ("went", "go"), ("woke", "wake"), ("won", "win"), ("wore", "wear"),
    ("worn", "wear"), ("written", "write"), ("wrote", "write"),
];

/// Stems one lowercase word (an irregular verb form is first mapped to its base form).
pub fn stem(word: &str) -> String {
    match IRREGULAR.binary_search_by(|(form, _)| form.cmp(&word)) {
        Ok(i) => porter(IRREGULAR[i].1),
        Err(_) => porter(word),
    }
}

fn porter(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|c| c.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut s = Stemmer {
        b: word.as_bytes().to_vec(),
        j: 0,
    };
    s.step1ab();
    if s.b.len() > 2 {
        s.step1c();
        s.step2();
        s.step3();
        s.step4();
        s.step5();
    }
    String::from_utf8(s.b).unwrap_or_else(|_| word.to_string())
}

struct Stemmer {
    b: Vec<u8>,
    /// End (exclusive) of the stem once a suffix matched in [`Stemmer::ends`].
    j: usize,
}

impl Stemmer {
    fn cons(&self, i: usize) -> bool {
        match self.b[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !self.cons(i - 1),
            _ => true,
        }
    }

    /// The number of vowel-consonant sequences in `b[..j]`.
    fn m(&self) -> usize {
        let (mut n, mut i) = (0, 0);
        let j = self.j;
        while i < j && self.cons(i) {
            i += 1;
        }
        loop {
            while i < j && !self.cons(i) {
                i += 1;
            }
            if i >= j {
                return n;
            }
            while i < j && self.cons(i) {
                i += 1;
            }
            n += 1;
        }
    }

    fn vowel_in_stem(&self) -> bool {
        (0..self.j).any(|i| !self.cons(i))
    }

    fn double_cons(&self, i: usize) -> bool {
        i >= 1 && self.b[i] == self.b[i - 1] && self.cons(i)
    }

    /// Consonant-vowel-consonant ending at `i`, the last not w, x or y ("hop", not "snow").
    fn cvc(&self, i: usize) -> bool {
        i >= 2
            && self.cons(i)
            && !self.cons(i - 1)
            && self.cons(i - 2)
            && !matches!(self.b[i], b'w' | b'x' | b'y')
    }

    fn ends(&mut self, suffix: &str) -> bool {
        if self.b.ends_with(suffix.as_bytes()) && self.b.len() > suffix.len() {
            self.j = self.b.len() - suffix.len();
            true
        } else {
            false
        }
    }

    fn set_to(&mut self, replacement: &str) {
        self.b.truncate(self.j);
        self.b.extend_from_slice(replacement.as_bytes());
    }

    fn replace_if_m(&mut self, replacement: &str) {
        if self.m() > 0 {
            self.set_to(replacement);
        }
    }

    fn step1ab(&mut self) {
        if self.b.ends_with(b"s") {
            if self.ends("sses") || self.ends("ies") {
                self.set_to(if self.b.ends_with(b"sses") { "ss" } else { "i" });
            } else if !self.b.ends_with(b"ss") {
                self.b.pop();
            }
        }
        if self.ends("eed") {
            if self.m() > 0 {
                self.b.pop();
            }
        } else if (self.ends("ed") || self.ends("ing")) && self.vowel_in_stem() {
            self.b.truncate(self.j);
            self.j = self.b.len();
            if self.ends("at") || self.ends("bl") || self.ends("iz") {
                self.b.push(b'e');
            } else if self.double_cons(self.b.len() - 1) {
                if !matches!(self.b.last(), Some(b'l' | b's' | b'z')) {
                    self.b.pop();
                }
            } else {
                self.j = self.b.len();
                if self.m() == 1 && self.cvc(self.b.len() - 1) {
                    self.b.push(b'e');
                }
            }
        }
    }

    fn step1c(&mut self) {
        if self.ends("y") && self.vowel_in_stem() {
            let last = self.b.len() - 1;
            self.b[last] = b'i';
        }
    }

    fn step2(&mut self) {
        #[rustfmt::skip]
        const RULES: &[(&str, &str)] = &[
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"),
            ("izer", "ize"), ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"),
            ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
            ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
            ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];
        self.apply_rules(RULES);
    }

    fn step3(&mut self) {
        #[rustfmt::skip]
        const RULES: &[(&str, &str)] = &[
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"),
            ("ful", ""), ("ness", ""),
        ];
        self.apply_rules(RULES);
    }

    fn apply_rules(&mut self, rules: &[(&str, &str)]) {
        for (suffix, replacement) in rules {
            if self.ends(suffix) {
                self.replace_if_m(replacement);
                return;
            }
        }
    }

    fn step4(&mut self) {
        #[rustfmt::skip]
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
            "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];
        for suffix in SUFFIXES {
            if self.ends(suffix) {
                let ion_ok = *suffix != "ion" || matches!(self.b[self.j - 1], b's' | b't');
                if ion_ok && self.m() > 1 {
                    self.b.truncate(self.j);
                }
                return;
            }
        }
    }

    fn step5(&mut self) {
        self.j = self.b.len();
        if self.b.ends_with(b"e") {
            self.j -= 1;
            let m = self.m();
            if m > 1 || (m == 1 && !self.cvc(self.j - 1)) {
                self.b.pop();
            }
        }
        self.j = self.b.len();
        if self.b.ends_with(b"ll") && self.m() > 1 {
            self.b.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn irregular_forms_are_sorted_and_map_to_their_base() {
        assert!(super::IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(stem("won"), stem("win"));
        assert_eq!(stem("bought"), stem("buying"));
        assert_eq!(stem("went"), stem("go"));
    }

    #[test]
    fn porter_reference_words() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("adoption", "adopt"),
            ("painting", "paint"),
            ("painted", "paint"),
            ("generalization", "gener"),
            ("controlling", "control"),
            ("researching", "research"),
            ("2023", "2023"),
        ];
        for (word, want) in cases {
            assert_eq!(stem(word), want, "{word}");
        }
    }
}
