//! The item catalog: what can be recommended, with the text the profile is matched against.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

/// One item of the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The item's id, unique in the catalog.
    pub item_id: String,
    /// Its title, used in reasons ("because you liked Heat").
    pub title: String,
    /// A description; may be empty.
    #[serde(default)]
    pub text: String,
    /// Tags (genres, categories).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Free attributes (cuisine, price range, ...).
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

impl Item {
    /// An item with only an id and a title.
    pub fn new(item_id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            item_id: item_id.into(),
            title: title.into(),
            text: String::new(),
            tags: Vec::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// Everything textual about the item, for matching against the profile.
    pub fn describe(&self) -> String {
        let mut out = self.title.clone();
        for part in std::iter::once(&self.text)
            .chain(&self.tags)
            .chain(self.attributes.values())
        {
            if !part.is_empty() {
                out.push_str(". ");
                out.push_str(part);
            }
        }
        out
    }
}

/// Items indexed by position; positions are the columns of the collaborative models.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    items: Vec<Item>,
    positions: HashMap<String, usize>,
}

impl Catalog {
    /// A catalog of `items`; a later item with an id already seen replaces the earlier one.
    pub fn new(items: impl IntoIterator<Item = Item>) -> Self {
        let mut catalog = Self::default();
        for item in items {
            catalog.upsert(item);
        }
        catalog
    }

    /// Adds or replaces an item; returns its position.
    pub fn upsert(&mut self, item: Item) -> usize {
        if let Some(&at) = self.positions.get(&item.item_id) {
            self.items[at] = item;
            return at;
        }
        self.positions
            .insert(item.item_id.clone(), self.items.len());
        self.items.push(item);
        self.items.len() - 1
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the catalog is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The position of an item id.
    pub fn position(&self, item_id: &str) -> Option<usize> {
        self.positions.get(item_id).copied()
    }

    /// The item at a position.
    pub fn item(&self, position: usize) -> &Item {
        &self.items[position]
    }

    /// All items in position order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }
}
