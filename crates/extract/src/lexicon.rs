//! Word lists the grammar consults. All entries are lowercase single tokens unless noted.

/// Words that make a sentence conditional or hypothetical.
pub const CONDITIONS: &[&str] = &["if", "unless", "wish", "whether", "imagine", "suppose"];

/// Words that start a question.
pub const QUESTION_STARTS: &[&str] = &[
    "do", "does", "did", "are", "is", "was", "were", "can", "could", "would", "will", "should",
    "have", "has", "what", "where", "when", "who", "why", "how", "which", "what's", "whats",
    "anything", "any", "shall", "may", "isn't", "aren't", "don't", "didn't", "doesn't",
];

/// Conjunctions that may start a new clause.
pub const JOINERS: &[&str] = &[
    "and", "but", "so", "because", "cause", "cuz", "though", "although", "since", "while", "or",
    "as", "plus", "then", "which", "when", "until", "yet", "whereas", "now", "also", "that",
];

/// Words that start a new subject.
pub const SUBJECTS: &[&str] = &[
    "i", "my", "we", "our", "he", "she", "they", "it", "that", "this", "there", "you", "your",
    "his", "her", "their", "it's", "that's", "there's", "mine", "what", "how", "do", "does",
    "did", "are", "is", "can", "have", "would", "will", "where", "who", "why",
];

/// Interjections and discourse words dropped at the start of a clause.
pub const LEADING_FILLERS: &[&str] = &[
    "oh", "well", "yes", "yeah", "yep", "yup", "no", "nope", "nah", "haha", "hahaha", "lol",
    "wow", "ok", "okay", "so", "but", "and", "actually", "honestly", "also", "plus", "then", "um",
    "uh", "hmm", "sure", "ah", "aw", "hey", "hi", "hello", "anyway", "anyways", "because",
    "cause", "though", "ha", "oops", "right", "true", "definitely", "totally", "really", "just",
    "personally", "luckily", "unfortunately", "fortunately", "sadly", "hopefully", "obviously",
    "basically", "literally", "ya", "ooh", "omg", "heh", "alright", "thanks", "lately", "now",
    "still", "as", "or", "since", "while", "although", "yet", "like", "cuz", "haha", "hehe",
    "indeed", "exactly", "absolutely", "funny", "speaking", "btw",
];

/// Adverbs and fillers dropped anywhere in a clause.
pub const INNER_FILLERS: &[&str] = &[
    "actually", "really", "just", "totally", "literally", "basically", "honestly", "definitely",
    "certainly", "absolutely", "haha", "hahaha", "lol", "also", "kinda", "sorta", "truly",
    "seriously", "personally", "anyway",
];

/// Words that, after "I", hedge what follows ("I think I might …").
pub const HEDGE_VERBS: &[&str] = &["think", "guess", "believe", "suppose", "reckon", "feel"];

/// Words that lower confidence anywhere in a clause.
pub const HEDGES: &[&str] = &["maybe", "probably", "might", "perhaps", "possibly", "hopefully"];

/// Verbs right after "I" that make the clause talk, not reveal ("I see", "I agree").
pub const CHAT_VERBS: &[&str] = &[
    "see", "agree", "mean", "hope", "guess", "bet", "understand", "wonder", "suppose", "imagine",
    "hear", "heard", "appreciate", "thank", "apologize", "would", "could", "should", "must",
    "said", "told", "asked", "was", "wish", "know", "think", "believe", "feel", "can", "totally",
    "forgot", "meant", "remember", "understood", "may", "might", "did", "saw", "shall",
    "love", "like", "enjoy", "prefer",
];

/// What may follow "I am" in talk rather than a fact ("I'm sorry", "I'm sure").
pub const CHAT_STATES: &[&str] = &[
    "sorry", "glad", "sure", "afraid", "doing", "good", "fine", "well", "ok", "okay", "great",
    "excited", "jealous", "curious", "here", "so", "not", "kidding", "joking", "happy", "thinking",
    "wondering", "going", "about", "all", "on", "jk", "interested", "impressed", "thrilled",
    "honored", "relieved", "pleased", "confused", "lucky", "envious", "down", "in", "back",
    "there", "with", "too", "just", "hoping", "looking", "planning", "trying", "still", "very",
    "really", "definitely", "certain", "positive", "aware", "bored", "tired", "exhausted",
    "stressed", "nervous", "worried", "scared", "sad", "upset", "busy", "always", "also",
];

/// Objects that only point back ("I love it"): nothing to learn on their own.
pub const ANAPHORS: &[&str] = &[
    "it", "that", "this", "them", "those", "these", "one", "so", "too", "you", "yours", "there",
    "same", "what", "which", "the",
];

/// Words whose presence means the clause is about the other speaker.
pub const SECOND_PERSON: &[&str] = &["you", "your", "you're", "yours", "yourself", "u", "ur"];

/// Determiners dropped from values.
pub const DETERMINERS: &[&str] = &["a", "an", "the", "some", "my", "any", "our"];

/// Pets.
pub const PETS: &[&str] = &[
    "dog", "dogs", "cat", "cats", "puppy", "puppies", "kitten", "kittens", "hamster", "fish",
    "bird", "birds", "parrot", "horse", "horses", "rabbit", "rabbits", "bunny", "turtle",
    "snake", "lizard", "ferret", "goldfish", "chickens", "goat", "goats", "pig", "pony", "gecko",
];

/// Family members and other people.
pub const PEOPLE: &[&str] = &[
    "kids", "kid", "children", "child", "son", "sons", "daughter", "daughters", "sister",
    "sisters", "brother", "brothers", "wife", "husband", "boyfriend", "girlfriend", "partner",
    "mom", "mother", "mum", "dad", "father", "parents", "grandma", "grandmother", "grandpa",
    "grandfather", "aunt", "uncle", "cousin", "cousins", "niece", "nephew", "fiance", "fiancee",
    "friend", "friends", "roommate", "twin", "baby", "grandkids", "grandchildren", "family",
    "siblings", "boss", "coworker", "coworkers", "neighbor", "neighbors", "spouse", "grandson",
    "granddaughter", "stepson", "stepdaughter", "bf", "gf", "hubby", "wifey",
];

/// Occupations ("I am a nurse", "I work as a teacher").
pub const OCCUPATIONS: &[&str] = &[
    "teacher", "nurse", "doctor", "lawyer", "engineer", "programmer", "developer", "student",
    "chef", "cook", "writer", "artist", "musician", "accountant", "manager", "farmer",
    "mechanic", "firefighter", "officer", "cop", "soldier", "pilot", "driver", "cashier",
    "waitress", "waiter", "bartender", "barista", "dentist", "pharmacist", "scientist",
    "professor", "librarian", "designer", "photographer", "carpenter", "plumber", "electrician",
    "salesman", "realtor", "secretary", "receptionist", "veterinarian", "vet", "therapist",
    "consultant", "analyst", "architect", "journalist", "editor", "actor", "actress", "singer",
    "dancer", "coach", "trainer", "athlete", "janitor", "banker", "clerk", "baker", "butcher",
    "surgeon", "paramedic", "nanny", "babysitter", "tutor", "researcher", "ceo", "entrepreneur",
    "freelancer", "contractor", "miner", "fisherman", "lifeguard", "mailman", "cleaner",
    "hairdresser", "stylist", "tailor", "welder", "builder", "worker", "intern", "assistant",
    "administrator", "coder", "blogger", "youtuber", "poet", "author", "painter", "sculptor",
    "comedian", "dj", "producer", "director", "translator", "counselor", "psychologist",
    "physician", "sailor", "marine", "veteran", "housewife", "homemaker", "retiree",
    "salesperson", "technician", "instructor", "guard", "vegan", "vegetarian", "owner",
];

/// Number words for counts ("two kids").
pub const COUNTS: &[(&str, u32)] = &[
    ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
    ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("twins", 2),
];

/// Diets ("I am vegetarian").
pub const DIETS: &[&str] = &[
    "vegetarian", "vegan", "pescatarian", "keto", "paleo", "kosher", "halal", "gluten-free",
];

/// Relationship statuses ("I am married").
pub const STATUSES: &[&str] = &[
    "married", "single", "divorced", "engaged", "widowed", "separated", "dating",
];

/// Whether `word` is in `list`.
pub fn has(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
