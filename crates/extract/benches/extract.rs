//! Extraction throughput on realistic chat turns, single-threaded.
//!
//! `cargo bench -p rapport-extract --bench extract` prints turns per second for extraction
//! alone and for learning (extraction plus consolidation into a growing profile), then runs the
//! criterion benchmarks.

use std::hint::black_box;
use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use criterion::Criterion;
use rapport_core::{
    Event, EventBody, EventId, Fact, Message, ProfileLearner, Role, StoredEvent, TenantId, UserId,
};
use rapport_extract::{PatternLearner, extract};

/// Chat turns of the kind users write: small talk, questions, facts, run-ons.
const TURNS: &[&str] = &[
    "What kind of car do you own? I have a jeep.",
    "I don't own my own car! I actually really enjoy walking and running, but then again, I live in a small town and semi-close to work.",
    "Ah I see! I like going to the gym to work out.",
    "I'm a computer programmer. What do you do for work?",
    "I work in marketing. Do you have any hobbies?",
    "I love to grill! I love meat, especially steak.",
    "Oh neat! I don't eat meat but I do like some grilled veggies.",
    "My family is from alaska. Where are you from?",
    "Fab, thanks! I'm here to see my fave band play. I drove 1,000 miles for it!",
    "That's so cool! I actually play in a band at school.",
    "Haha I feel you. I love wearing warm pants in the winter.",
    "I moved to Denver last month for a new job, and my sister Ana is a nurse there.",
    "I think I might take up yoga next year, my back has been hurting.",
    "If I were rich I would buy a boat and sail around the world.",
    "I used to live in Ohio but I quit my job and moved west.",
    "We have two kids, they are just great. Two boys with a lot of energy.",
    "Not at the moment. I need to look at the summer concert calendar and figure something out. How about you?",
    "I'm vegetarian, and I'm allergic to peanuts, so please keep that in mind.",
    "Yes, I have a little Honda hatchback. It's pretty old and beat up at this point.",
    "My dog Biscuit loves the beach, we go every weekend when the weather is nice.",
];

fn events(n: usize) -> Vec<StoredEvent> {
    let start = Utc.with_ymd_and_hms(2024, 1, 1, 9, 0, 0).unwrap();
    (0..n)
        .map(|i| StoredEvent {
            seq: i as u64 + 1,
            event: Event {
                tenant: TenantId::default_tenant(),
                user: UserId::new("bench").unwrap(),
                id: EventId::new(format!("e{i}")).unwrap(),
                time: start + Duration::minutes(i as i64),
                session: None,
                body: EventBody::Message(Message {
                    role: Role::User,
                    speaker: None,
                    text: TURNS[i % TURNS.len()].to_string(),
                }),
            },
        })
        .collect()
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), so a loaded machine does not
/// distort the throughput; `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Runs `work`, returning (wall seconds, CPU seconds if known).
fn timed(work: impl FnOnce()) -> (f64, Option<f64>) {
    let (wall, cpu) = (Instant::now(), thread_cpu_ns());
    work();
    let cpu_after = thread_cpu_ns();
    let cpu = cpu.zip(cpu_after).map(|(a, b)| (b - a) as f64 / 1e9);
    (wall.elapsed().as_secs_f64(), cpu)
}

fn report(what: &str, turns: usize, (wall, cpu): (f64, Option<f64>)) {
    let cpu = cpu.map_or(String::new(), |c| {
        format!(", {:.0} turns per CPU-second", turns as f64 / c)
    });
    println!(
        "{what}: {:.0} turns/s wall{cpu} (single thread)",
        turns as f64 / wall
    );
}

fn main() {
    let now = Utc.with_ymd_and_hms(2024, 6, 1, 9, 0, 0).unwrap();
    let rounds = 5_000;
    let turns = rounds * TURNS.len();
    let time = timed(|| {
        for i in 0..turns {
            black_box(extract(TURNS[i % TURNS.len()], now));
        }
    });
    report("extraction", turns, time);

    let log = events(1_000);
    let mut facts: Vec<Fact> = Vec::new();
    let time = timed(|| PatternLearner::new().learn(&mut facts, &log));
    report(
        &format!(
            "learning 1,000 turns into one profile ({} facts)",
            facts.len()
        ),
        log.len(),
        time,
    );

    let mut c = Criterion::default().configure_from_args();
    let mut i = 0;
    c.bench_function("extract one turn", |b| {
        b.iter(|| {
            i = (i + 1) % TURNS.len();
            black_box(extract(TURNS[i], now))
        })
    });
    let batch = events(100);
    c.bench_function("learn 100 turns from an empty profile", |b| {
        b.iter(|| {
            let mut facts = Vec::new();
            PatternLearner::new().learn(&mut facts, &batch);
            black_box(facts)
        })
    });
    c.final_summary();
}
