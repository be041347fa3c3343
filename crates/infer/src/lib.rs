//! rapport-infer: what a user's authored text reveals about them, without an LLM.
//!
//! [`infer`] reads a user's texts (their chat turns and documents) and estimates age, sex as
//! presented, current city, birthplace, education level, occupation, income level and
//! relationship status from cues: explicit statements ("I'm 34"), life-stage vocabulary
//! ("dorm", "grandkids"), places named near "grew up in" or "live in" (a GeoNames gazetteer,
//! `data/gazetteer.tsv`), currencies, occupational vocabulary, and what an occupation implies
//! for income and education. Every estimate carries a confidence (calibrated on development
//! data) and the texts it came from, except a population prior, which rests on none;
//! [`style`] computes communication-style facets, and [`personality`] a Big Five estimate from a
//! published word lexicon when one is configured ([`Lexicon`]). [`to_facts`] turns them into
//! profile facts marked `Source::Inferred`. Deterministic: the same texts give the same facts.

mod attribute;
mod calibrate;
mod derive;
mod env_file;
mod error;
mod explicit;
mod facts;
mod gazetteer;
mod gender;
mod infer;
mod lexicon;
mod personality;
mod places;
mod register;
mod residence;
mod scan;
mod style;
mod tally;
mod text;

pub use attribute::{Attribute, Inference};
pub use error::Error;
pub use facts::{is_answer_hint, is_inferred_here, to_facts};
pub use gazetteer::{City, Country, Gazetteer, Place};
pub use gender::{GENDER_LEXICON_ENV, GenderLexicon};
pub use infer::{AuthoredText, Raw, infer, raw_estimates};
pub use personality::{
    LEXICON_ENV, Lexicon, PersonalityEstimate, Trait, lexicon_scores, personality,
};
pub use scan::{Estimates, ScannedText, TextScan, estimate};
pub use style::{StyleFacet, style};
