//! Music heard going on while one does something: "I like jazz playing while I cook" likes jazz,
//! not "jazz playing"; "I like role playing", "I love bird watching" stay whole activities.

use crate::lexicon::has;
use crate::tokenize::Token;

/// Participles of something heard going on ("jazz playing", "the radio blasting").
const SOUNDING: &[&str] = &["blaring", "blasting", "playing"];

/// What can be heard playing: music, its kinds, and what plays it.
const SOUND_SOURCES: &[&str] = &[
    "blues",
    "classical",
    "country",
    "disco",
    "folk",
    "funk",
    "jazz",
    "metal",
    "music",
    "opera",
    "podcasts",
    "pop",
    "punk",
    "radio",
    "rap",
    "records",
    "reggae",
    "rock",
    "songs",
    "soul",
    "techno",
    "tunes",
    "tv",
    "vinyl",
];

/// Where the participle of music heard playing stands in `tokens` ("jazz playing …": 1), when a
/// sound source comes right before it; what is liked ends there.
pub(crate) fn heard_playing_at(tokens: &[Token]) -> Option<usize> {
    (1..tokens.len())
        .find(|&i| has(SOUNDING, &tokens[i].lower) && has(SOUND_SOURCES, &tokens[i - 1].lower))
}

#[cfg(test)]
mod tests {
    use super::heard_playing_at;
    use crate::tokenize::tokenize;

    #[test]
    fn music_playing_ends_at_the_participle_activities_do_not() {
        assert_eq!(heard_playing_at(&tokenize("jazz playing")), Some(1));
        assert_eq!(heard_playing_at(&tokenize("the radio blasting")), Some(2));
        assert_eq!(heard_playing_at(&tokenize("role playing")), None);
        assert_eq!(heard_playing_at(&tokenize("playing jazz")), None);
    }
}
