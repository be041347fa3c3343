//! End-to-end behaviour of `recommend` and `rank`: collaborative reasons and stated constraints.

use rapport_core::Verb;
use rapport_recommend::{
    ActionEvent, Candidate, Catalog, Filters, Item, Reason, Recommender, RecommenderConfig,
    preference_statements,
};

fn restaurant(id: &str, title: &str, tags: &[&str]) -> Item {
    let mut item = Item::new(id, title);
    item.tags = tags.iter().map(|t| t.to_string()).collect();
    item
}

fn like(user: &str, item: &str, time: i64) -> ActionEvent {
    ActionEvent {
        user: user.into(),
        item: item.into(),
        verb: Verb::Like,
        value: None,
        time,
    }
}

/// Everyone who likes the bistro also likes the steakhouse; the garden is liked by a few.
fn recommender() -> Recommender {
    let catalog = Catalog::new([
        restaurant("bistro", "Chez Marie", &["french"]),
        restaurant("steak", "Bull & Bear", &["steakhouse", "grill"]),
        restaurant("garden", "Green Garden", &["vegetarian", "salads"]),
        restaurant("sushi", "Sushi Ko", &["japanese", "seafood"]),
    ]);
    let mut events = Vec::new();
    for u in 0..20 {
        let user = format!("u{u}");
        events.push(like(&user, "bistro", 1));
        events.push(like(&user, "steak", 2));
        if u < 5 {
            events.push(like(&user, "garden", 3));
        }
    }
    events.push(like("ana", "bistro", 10));
    Recommender::fit(catalog, &events, RecommenderConfig::default()).unwrap()
}

#[test]
fn without_a_profile_the_steakhouse_comes_first_because_of_the_bistro() {
    let top = recommender().recommend("ana", &[], 3, &Filters::default());
    assert_eq!(top[0].item_id.as_deref(), Some("steak"));
    assert!(
        top.iter().all(|r| r.item_id.as_deref() != Some("bistro")),
        "consumed items are excluded"
    );
    assert_eq!(
        top[0].reasons[0].to_string(),
        "because you liked Chez Marie"
    );
}

#[test]
fn vegetarian_pushes_the_steakhouse_down() {
    let said = preference_statements("I'm vegetarian.");
    let top = recommender().recommend("ana", &said, 3, &Filters::default());
    let order: Vec<&str> = top.iter().filter_map(|r| r.item_id.as_deref()).collect();
    let steak = order.iter().position(|i| *i == "steak").unwrap();
    let garden = order.iter().position(|i| *i == "garden").unwrap();
    assert!(garden < steak, "{order:?}");
    let steak_reasons = &top[steak].reasons;
    assert!(
        matches!(&steak_reasons[0], Reason::YouSaidYouAvoid(_)),
        "{steak_reasons:?}"
    );
    assert_eq!(
        steak_reasons[0].to_string(),
        "ranked lower: you said you're vegetarian"
    );
}

#[test]
fn rank_handles_items_and_free_text_with_reasons() {
    let said = preference_statements("I avoid gluten.");
    let ranked = recommender().rank(
        "ana",
        &said,
        &[
            Candidate::Text("Fresh pasta and bread".into()),
            Candidate::Text("A gluten-free risotto".into()),
            Candidate::Item("steak".into()),
        ],
    );
    assert_eq!(ranked.last().map(|r| r.index), Some(0), "{ranked:?}");
    assert!(ranked.iter().all(|r| !r.reasons.is_empty()));
    let pasta = ranked.iter().find(|r| r.index == 0).unwrap();
    assert_eq!(
        pasta.reasons[0].to_string(),
        "ranked lower: you said you avoid gluten"
    );
}

#[test]
fn tag_filters_restrict_recommendations() {
    let filters = Filters {
        tags_any: vec!["Vegetarian".into()],
        ..Filters::default()
    };
    let top = recommender().recommend("ana", &[], 5, &filters);
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].item_id.as_deref(), Some("garden"));
}
