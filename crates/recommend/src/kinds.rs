//! What a general word covers: "dairy" covers cheese and milk, "seafood" covers crab and sushi.
//! A preference about the general word carries over to its kinds, so "I avoid dairy" pushes a
//! cheesecake down even though the word "dairy" does not occur in it.

use crate::terms::stem;

/// General word → kinds of it (unstemmed).
#[rustfmt::skip]
const KINDS: &[(&str, &[&str])] = &[
    ("meat", &["beef", "pork", "chicken", "lamb", "bacon", "ham", "sausage", "steak", "steakhouse", "burger", "cheeseburger", "meatball", "duck", "turkey", "veal", "jerky", "pepperoni", "carnitas", "barbacoa", "chorizo", "asado", "brisket", "ribs", "parrilla", "bbq", "barbecue", "wings"]),
    ("animal", &["meat", "beef", "pork", "chicken", "fish", "dairy", "cheese", "milk", "egg", "eggs", "honey", "yogurt", "butter", "leather", "wool", "silk", "fur", "cashmere", "bacon", "ham"]),
    ("seafood", &["fish", "shrimp", "crab", "oyster", "salmon", "tuna", "sushi", "sashimi", "lobster", "squid", "octopus", "clam", "clams", "mussel", "prawn", "ceviche", "shellfish", "scallop", "anchovy", "pufferfish", "fugu", "tempura", "chowder", "calamari", "cod"]),
    ("fish", &["salmon", "tuna", "sushi", "sashimi", "cod", "anchovy", "pufferfish", "fugu", "ceviche", "trout"]),
    ("shellfish", &["shrimp", "crab", "oyster", "lobster", "clam", "mussel", "prawn", "scallop"]),
    ("dairy", &["milk", "cheese", "cream", "creamy", "butter", "yogurt", "mozzarella", "parmesan", "feta", "ricotta", "mascarpone", "cheesecake", "gelato", "latte", "queso", "brie", "tzatziki", "alfredo", "custard", "béchamel"]),
    ("lactose", &["milk", "cheese", "cream", "creamy", "butter", "yogurt", "mozzarella", "parmesan", "feta", "ricotta", "mascarpone", "cheesecake", "gelato", "latte", "queso"]),
    ("gluten", &["wheat", "bread", "pasta", "pizza", "barley", "rye", "flour", "noodle", "noodles", "croissant", "crust", "beer", "spaghetti", "lasagna", "baguette", "focaccia", "ciabatta", "sourdough", "pastry", "pastries", "naan", "dumpling", "couscous", "croutons", "pita", "cake"]),
    ("carb", &["bread", "pasta", "pizza", "rice", "sugar", "potato", "potatoes", "noodle", "noodles", "dessert", "cake", "spaghetti", "lasagna", "risotto", "naan", "dumpling", "tortilla", "sweets", "pastry", "croissant", "crêpes", "tiramisu", "fries", "beans"]),
    ("sugar", &["dessert", "cake", "candy", "sweets", "chocolate", "cookie", "cookies", "soda", "pastry", "ice", "syrup", "tiramisu", "nutella"]),
    ("caffeine", &["coffee", "espresso", "tea", "latte", "cappuccino", "cola", "energy", "chocolate", "matcha"]),
    ("alcohol", &["beer", "wine", "cocktail", "cocktails", "whiskey", "sake", "vodka", "rum", "brewery", "bar", "pub", "margarita", "tequila", "gin", "liquor"]),
    ("nut", &["almond", "almonds", "walnut", "walnuts", "hazelnut", "pecan", "cashew", "pistachio", "peanut", "peanuts", "praline", "nougat", "marzipan", "pesto"]),
    ("spicy", &["fiery", "hot", "chili", "chilli", "jalapeno", "vindaloo", "sriracha", "habanero", "pepper", "peppers", "curry", "wasabi", "kimchi"]),
    ("processed", &["packaged", "frozen", "chips", "jerky", "soda", "canned", "instant", "fast"]),
    ("fried", &["deep", "fries", "crispy", "tempura", "fritter"]),
    ("comedy", &["sitcom", "comedic", "hilarious", "funny", "mockumentary", "humor", "humorous", "parody", "satire", "standup"]),
    ("horror", &["slasher", "scary", "gory", "haunting", "haunted", "zombie", "zombies", "terrifying", "creepy", "supernatural", "thriller"]),
    ("violence", &["violent", "gore", "gory", "gun", "guns", "war", "fight", "murder", "crime", "killing", "brutal", "bloody", "shootout", "gangster"]),
    ("documentary", &["docuseries", "documentaries", "nonfiction", "docudrama"]),
    ("superhero", &["marvel", "avengers", "batman", "superman", "spider", "thor", "mandalorian"]),
    ("romance", &["romantic", "love", "rom"]),
    ("subscription", &["monthly", "membership", "annual", "premium", "paywall"]),
    ("paid", &["fee", "price", "cost", "premium", "purchase", "buy", "subscription", "membership", "tuition"]),
    ("video", &["videos", "youtube", "lecture", "lectures", "webinar", "documentary", "film"]),
    ("audio", &["podcast", "podcasts", "audiobook", "audiobooks", "radio", "listen", "listening"]),
    ("text", &["book", "books", "textbook", "textbooks", "article", "articles", "written", "reading", "read"]),
    ("online", &["virtual", "web", "remote", "digital", "internet", "webinar", "zoom"]),
    ("crowd", &["crowded", "busy", "packed", "popular", "touristy"]),
    ("noise", &["loud", "noisy", "lively", "party", "club", "music"]),
    ("chain", &["franchise", "fridays", "applebee", "olive", "mcdonald", "starbucks"]),
    ("synthetic", &["polyester", "nylon", "acrylic", "spandex", "rayon"]),
    ("fast", &["fashion", "zara", "shein"]),
];

/// The kinds a stemmed term covers, stemmed.
pub fn kinds_of(term: &str) -> Vec<String> {
    KINDS
        .iter()
        .filter(|(general, _)| stem(general) == term)
        .flat_map(|(_, kinds)| kinds.iter().map(|k| stem(k)))
        .collect()
}
