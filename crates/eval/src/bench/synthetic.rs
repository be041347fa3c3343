//! Deterministic synthetic chat turns for benchmarks: short first-person messages, some with
//! facts, most small talk.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rapport_core::{Event, EventBody, EventId, Message, Role, TenantId, UserId};

const CITIES: &[&str] = &[
    "Denver", "Lisbon", "Osaka", "Nairobi", "Toronto", "Leeds", "Porto",
];
const JOBS: &[&str] = &[
    "nurse",
    "teacher",
    "software engineer",
    "chef",
    "pilot",
    "accountant",
];
const PETS: &[&str] = &["dog", "cat", "parrot", "rabbit"];
const LIKES: &[&str] = &[
    "jazz",
    "hiking",
    "sushi",
    "chess",
    "gardening",
    "sci-fi novels",
    "yoga",
];
const SMALL_TALK: &[&str] = &[
    "What do you think about that?",
    "That sounds great, thanks for the help.",
    "Can you give me a few more ideas for the weekend?",
    "Honestly it was a long day at work and I am tired.",
    "I will try that tomorrow morning before breakfast.",
    "Could you make the answer a bit shorter please?",
    "My sister called me yesterday about the holidays.",
    "We watched a documentary about whales last night.",
];

/// A small xorshift generator: deterministic across platforms, no dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One synthetic user turn.
pub fn turn_text(rng: &mut Rng) -> String {
    match rng.below(100) {
        0..8 => format!("I live in {} now.", rng.pick(CITIES)),
        8..14 => format!("I work as a {}.", rng.pick(JOBS)),
        14..20 => format!(
            "I have a {} named {}.",
            rng.pick(PETS),
            rng.pick(&["Rex", "Luna", "Milo"])
        ),
        20..32 => format!("I really love {}.", rng.pick(LIKES)),
        32..36 => format!("I don't like {} anymore.", rng.pick(LIKES)),
        _ => rng.pick(SMALL_TALK).to_string(),
    }
}

/// `count` message events of one user, a minute apart from `start`, sessions of 20 turns.
pub fn user_turns(
    tenant: &TenantId,
    user: &UserId,
    count: usize,
    start: DateTime<Utc>,
    rng: &mut Rng,
) -> Vec<Event> {
    (0..count)
        .map(|i| Event {
            tenant: tenant.clone(),
            user: user.clone(),
            id: EventId::new(format!("t{i}")).expect("valid id"),
            time: start + Duration::minutes(i as i64),
            session: Some(format!("s{}", i / 20)),
            body: EventBody::Message(Message {
                role: Role::User,
                speaker: None,
                text: turn_text(rng),
            }),
        })
        .collect()
}

/// The start time of synthetic logs.
pub fn epoch() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 8, 0, 0)
        .single()
        .expect("valid date")
}
