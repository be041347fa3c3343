use crate::harness::Dir;

#[test]
fn an_operator_bootstraps_tenants_and_keys_without_http() {
    let dir = Dir::new();
    assert!(
        dir.rapport(&["tenants", "create", "acme"])
            .ok()
            .contains("Created tenant acme.")
    );
    assert!(
        dir.rapport(&["tenants", "create", "acme"])
            .ok()
            .contains("already exists")
    );
    assert_eq!(dir.rapport(&["tenants", "list"]).ok(), "acme\n");
    let created = dir.rapport(&["keys", "create", "acme"]);
    let secret = created.ok();
    assert!(
        secret.starts_with("rpk_") && secret.trim().len() == 68,
        "{secret}"
    );
    let id = created
        .stderr()
        .split_whitespace()
        .find(|w| w.starts_with("key_"))
        .unwrap()
        .to_string();
    assert!(
        dir.rapport(&["keys", "revoke", &id])
            .ok()
            .contains("Revoked")
    );
    assert_eq!(dir.rapport(&["keys", "revoke", &id]).code(), 1);
    let unknown = dir.rapport(&["keys", "create", "nobody"]);
    assert_eq!(unknown.code(), 1);
    assert!(
        unknown.stderr().contains("unknown tenant `nobody`"),
        "{}",
        unknown.stderr()
    );
}

#[test]
fn the_example_config_parses() {
    let dir = Dir::new();
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../rapport.example.toml"
    ))
    .unwrap();
    let config = dir.write("rapport.toml", example);
    let run = dir.rapport(&["--config", config.to_str().unwrap(), "tenants", "list"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
}
