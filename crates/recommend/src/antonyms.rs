//! Common English antonyms. Word embeddings put opposites close together ("free" and "paid",
//! "quiet" and "loud"), so a partial match between opposites must count against, not for.

use crate::terms::stem;

/// Pairs of opposite words (unstemmed).
#[rustfmt::skip]
const PAIRS: &[(&str, &str)] = &[
    ("free", "paid"), ("free", "premium"), ("free", "subscription"), ("free", "fee"), ("free", "purchase"),
    ("cheap", "expensive"), ("affordable", "expensive"), ("budget", "luxury"), ("budget", "luxurious"),
    ("quiet", "loud"), ("quiet", "noisy"), ("calm", "lively"), ("tranquil", "lively"), ("peaceful", "noisy"),
    ("relaxing", "intense"), ("calm", "intense"), ("mild", "spicy"), ("mild", "hot"),
    ("online", "person"), ("virtual", "person"), ("remote", "person"), ("digital", "printed"), ("digital", "physical"),
    ("indoor", "outdoor"), ("inside", "outside"), ("short", "long"), ("brief", "lengthy"),
    ("light", "heavy"), ("light", "dark"), ("lighthearted", "dark"), ("simple", "complex"), ("basic", "advanced"),
    ("beginner", "advanced"), ("easy", "difficult"), ("modern", "traditional"), ("modern", "classic"),
    ("new", "old"), ("new", "vintage"), ("casual", "formal"), ("slow", "fast"), ("small", "large"),
    ("small", "big"), ("private", "public"), ("solo", "group"), ("alone", "group"), ("individual", "group"),
    ("independent", "collaborative"), ("structured", "flexible"), ("practical", "theoretical"),
    ("active", "passive"), ("interactive", "passive"), ("healthy", "unhealthy"), ("fresh", "processed"),
    ("natural", "synthetic"), ("organic", "synthetic"), ("sustainable", "synthetic"), ("minimalist", "flashy"),
    ("subtle", "bold"), ("neutral", "bold"), ("plain", "patterned"), ("solid", "graphic"), ("animated", "live"),
    ("fiction", "documentary"), ("comedy", "drama"), ("happy", "sad"), ("uplifting", "dark"), ("uplifting", "depressing"),
    ("local", "chain"), ("independent", "chain"), ("text", "video"), ("audio", "visual"), ("vegetarian", "meat"),
    ("vegan", "meat"), ("sober", "alcohol"), ("safe", "dangerous"), ("crowded", "secluded"), ("busy", "secluded"),
];

/// Whether two stemmed terms are opposites.
pub fn are_opposites(a: &str, b: &str) -> bool {
    PAIRS.iter().any(|(x, y)| {
        let (x, y) = (stem(x), stem(y));
        (a == x && b == y) || (a == y && b == x)
    })
}
