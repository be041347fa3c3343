//! The item catalog: what can be recommended, with the text the profile is matched against.

use std::collections::HashMap;

pub use rapport_core::Item;

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
