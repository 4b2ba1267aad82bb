//! What the YAML parser and serde said, as data ([`Syntax`]): the
//! messages of serde and serde_yaml follow a few fixed shapes ("invalid
//! type: X, expected Y", "unknown field `f`, expected one of …"), read here
//! so that `report/errors.rs` can word them in the user's language. A
//! message of no known shape is kept as the parser's words
//! ([`Syntax::Yaml`]).

use crate::error::{Shape, Syntax};

/// The problem in `message` (serde's words, without the position), and
/// the path it names (`units[0].kind`), if any.
pub(crate) fn read(message: &str) -> (Option<String>, Syntax) {
    let (path, body) = match message.split_once(": ") {
        Some((p, rest)) if !p.contains(' ') && !p.is_empty() => (Some(p.to_string()), rest),
        _ => (None, message),
    };
    (path, syntax(body))
}

fn syntax(body: &str) -> Syntax {
    const DATE_ERRORS: [&str; 6] = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough for unique date",
        "no possible date",
    ];
    if DATE_ERRORS.iter().any(|m| body.contains(m)) {
        return Syntax::BadDate;
    }
    if body.contains("found a tab character") {
        return Syntax::Tab;
    }
    if body.contains("control characters") {
        return Syntax::NotText;
    }
    if let Some(i) = body.find(" as u128").or_else(|| body.find(" as i128")) {
        let value = ticked(&body[..i]).into_iter().next().unwrap_or_default();
        return Syntax::TooLarge { value };
    }
    for (prefix, wrong_type) in [("invalid type: ", true), ("invalid value: ", false)] {
        if let Some(rest) = body.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                let (found, expected) = (shape(found), shape(expected));
                return if wrong_type {
                    Syntax::WrongType { found, expected }
                } else {
                    Syntax::WrongValue { found, expected }
                };
            }
        }
    }
    if let Some(rest) = body.strip_prefix("unknown field ") {
        let (field, expected) = word_and_choices(rest);
        return Syntax::UnknownField {
            nearest: nearest(&field, &expected),
            field,
            expected,
        };
    }
    if let Some(rest) = body.strip_prefix("unknown variant ") {
        let (variant, expected) = word_and_choices(rest);
        return Syntax::UnknownVariant {
            nearest: nearest(&variant, &expected),
            variant,
            expected,
        };
    }
    if let Some(rest) = body.strip_prefix("missing field ") {
        return Syntax::MissingField {
            field: ticked(rest).into_iter().next().unwrap_or_default(),
        };
    }
    if let Some(rest) = body.strip_prefix("duplicate field ") {
        return Syntax::DuplicateField {
            field: ticked(rest).into_iter().next().unwrap_or_default(),
        };
    }
    Syntax::Yaml {
        detail: body.to_string(),
    }
}

/// `` `wieght`, expected one of `id`, `name` `` → the word and the choices.
fn word_and_choices(rest: &str) -> (String, Vec<String>) {
    let (word, choices) = rest.split_once(", expected").unwrap_or((rest, ""));
    let word = ticked(word).into_iter().next().unwrap_or_default();
    (word, ticked(choices))
}

/// The texts between backticks.
fn ticked(text: &str) -> Vec<String> {
    text.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, w)| w.to_string())
        .collect()
}

/// The likeliest typo among `choices`: stricter than for ids (a key a
/// quarter wrong is another key, `gender` is not `leader`).
fn nearest(word: &str, choices: &[String]) -> Option<String> {
    let near = super::validate::nearest(word, choices.iter().map(String::as_str))?;
    let d = strsim::damerau_levenshtein(&word.to_lowercase(), &near.to_lowercase());
    (d * 4 <= word.chars().count().max(near.chars().count())).then(|| near.to_string())
}

/// A value's shape in serde's words: `string "x"`, `a sequence`, `u32`,
/// `struct RawUnit`, …
fn shape(text: &str) -> Shape {
    let t = text.trim();
    let value = |prefix: &str| -> Option<Option<String>> {
        t.strip_prefix(prefix).map(|v| {
            let v = v.trim();
            Some(
                v.trim_matches(|c| c == '`' || c == '"')
                    .replace("\\\"", "\""),
            )
        })
    };
    if let Some(v) = value("string ") {
        return Shape::Text { value: v };
    }
    if let Some(v) = value("boolean ") {
        return Shape::Boolean { value: v };
    }
    if let Some(v) = value("integer ") {
        return Shape::Integer { value: v };
    }
    if let Some(v) = value("floating point ") {
        return Shape::Number { value: v };
    }
    if let Some(name) = t.strip_prefix("struct Raw") {
        return Shape::Mapping {
            what: Some(snake(name)),
        };
    }
    match t {
        "sequence" | "a sequence" => Shape::Sequence,
        "map" | "a map" | "a mapping" | "struct" => Shape::Mapping { what: None },
        "a boolean" | "bool" => Shape::Boolean { value: None },
        "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize"
        | "isize" | "an integer" => Shape::Integer { value: None },
        "f32" | "f64" | "a number" => Shape::Number { value: None },
        "a string" | "a borrowed string" | "string" => Shape::Text { value: None },
        "unit value" | "null" => Shape::Null,
        _ if t.contains("date") => Shape::Date,
        _ => Shape::Other(t.to_string()),
    }
}

/// `HistoryRound` → `history_round`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_read_as_facts() {
        assert_eq!(
            read("units: invalid type: map, expected a sequence"),
            (
                Some("units".into()),
                Syntax::WrongType {
                    found: Shape::Mapping { what: None },
                    expected: Shape::Sequence
                }
            )
        );
        assert_eq!(
            read("units[0]: invalid type: string \"x\", expected struct RawHistoryRound").1,
            Syntax::WrongType {
                found: Shape::Text {
                    value: Some("x".into())
                },
                expected: Shape::Mapping {
                    what: Some("history_round".into())
                }
            }
        );
        assert_eq!(
            read("units[0]: unknown field `wieght`, expected one of `id`, `weight`").1,
            Syntax::UnknownField {
                field: "wieght".into(),
                nearest: Some("weight".into()),
                expected: vec!["id".into(), "weight".into()]
            }
        );
        assert_eq!(
            read("units[0].kind: unknown variant `town`, expected `township` or `department`").1,
            Syntax::UnknownVariant {
                variant: "town".into(),
                nearest: None,
                expected: vec!["township".into(), "department".into()]
            }
        );
        assert_eq!(
            read("missing field `version`"),
            (
                None,
                Syntax::MissingField {
                    field: "version".into()
                }
            )
        );
        assert_eq!(
            read("units[1].weight: invalid type: integer `123456789012345678901234567890` as u128, expected i64").1,
            Syntax::TooLarge {
                value: "123456789012345678901234567890".into()
            }
        );
        assert_eq!(
            read("round.start: input is out of range").1,
            Syntax::BadDate
        );
        assert_eq!(
            read("did not find expected node content").1,
            Syntax::Yaml {
                detail: "did not find expected node content".into()
            }
        );
    }
}
