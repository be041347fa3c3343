use super::*;

fn redacted(text: &str) -> String {
    redact_pii(text).into_owned()
}

#[test]
fn masks_each_kind_of_identifier() {
    assert_eq!(
        redacted("Mail me at ana.lopez+news@example.co.uk."),
        "Mail me at [email]."
    );
    assert_eq!(
        redacted("Call +1 (555) 123-4567 or 555-1234 tonight"),
        "Call [phone] or [phone] tonight"
    );
    assert_eq!(
        redacted("My card is 4111 1111 1111 1111"),
        "My card is [card number]"
    );
    assert_eq!(
        redacted("SSN 123-45-6789, NI AB123456C"),
        "SSN [id number], NI [id number]"
    );
    assert_eq!(
        redacted("IBAN GB82WEST12345698765432 please"),
        "IBAN [id number] please"
    );
    assert_eq!(
        redacted("I live at 221B Baker Street, London"),
        "I live at [address], London"
    );
    assert_eq!(
        redacted("Send it to 1600 Pennsylvania Ave."),
        "Send it to [address]."
    );
}

#[test]
fn leaves_ordinary_numbers_and_words_alone() {
    for text in [
        "I was born on 1990-05-17 and ran 10.5 km",
        "We have 2 dogs on the way",
        "It cost 1 000 000 dollars in 2023",
        "Server 192.168.1.20 is down",
        "Order 1234567890123 arrived",
        "not an email: a@b, me@localhost",
        "Version 1.2.3 of the app",
    ] {
        assert_eq!(redacted(text), text, "{text}");
    }
}

#[test]
fn a_text_without_identifiers_is_borrowed() {
    assert!(matches!(redact_pii("I love jazz."), Cow::Borrowed(_)));
}

#[test]
fn spans_do_not_overlap() {
    let text = "ana@example.com 4111111111111111 +44 20 7946 0958";
    let spans = find_pii(text);
    assert_eq!(
        spans.iter().map(|s| s.kind).collect::<Vec<_>>(),
        vec![PiiKind::Email, PiiKind::Card, PiiKind::Phone]
    );
    assert!(spans.windows(2).all(|w| w[0].range.end <= w[1].range.start));
}
