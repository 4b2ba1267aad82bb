//! Every type error of a well-formed scenario in one run (issue 13.6).
//!
//! serde stops at the first value of the wrong type, so four typos used to
//! take four runs of `check`. When the YAML itself is well-formed, the
//! document is read as a value tree and each part is deserialised on its
//! own: every top-level key, every element of a list, and within a
//! failing element or mapping, the remaining fields once the failing one
//! is set aside. Each error keeps serde's path (`people[3].skills`), which
//! [`Locations`] turns into a line.

use serde_yaml::{Mapping, Value};

use super::raw::RawScenario;
use super::Locations;

/// Most errors reported from one file: past this, the file is probably
/// not a scenario at all.
const MAX_ERRORS: usize = 50;
/// Most fields set aside in one mapping before giving up on it.
const MAX_SET_ASIDE: usize = 20;

/// One type error: serde's message, starting with its path in the
/// document (`people[3].skills: invalid type: …`), without a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TypeError {
    pub path: String,
    pub message: String,
}

/// The type errors of `source`, in document order, when it is well-formed
/// YAML; `None` when it is not (the parser's one error is all there is).
pub(super) fn type_errors(source: &str) -> Option<Vec<TypeError>> {
    let doc: Value = serde_yaml::from_str(source).ok()?;
    let Value::Mapping(top) = doc else {
        return None;
    };
    let version = top.get("version").cloned();
    let mut out = Vec::new();
    for (key, value) in &top {
        let Some(name) = key.as_str() else {
            continue;
        };
        // A part of the document, alone with `version` (which is required).
        let alone = |v: Value| {
            let mut m = Mapping::new();
            if name != "version" {
                if let Some(ver) = &version {
                    m.insert("version".into(), ver.clone());
                }
            }
            m.insert(name.into(), v);
            m
        };
        if errors_of(&alone(value.clone())).is_none() {
            continue;
        }
        match value {
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    let wrap = |v: Value| alone(Value::Sequence(vec![v]));
                    let found = set_aside(item, &format!("{name}[0]"), &wrap);
                    out.extend(found.into_iter().map(|e| reindex(e, name, i)));
                }
            }
            _ => out.extend(set_aside(value, name, &alone)),
        }
        if out.len() >= MAX_ERRORS {
            out.truncate(MAX_ERRORS);
            break;
        }
    }
    Some(out)
}

/// The errors of `value`, which sits at `at` once placed in a document by
/// `wrap`: the first, then, while `value` is a mapping, those that remain
/// with each failing field set aside. An error that only says a set-aside
/// field is missing is not reported again.
fn set_aside(value: &Value, at: &str, wrap: &dyn Fn(Value) -> Mapping) -> Vec<TypeError> {
    let mut out: Vec<TypeError> = Vec::new();
    let mut current = value.clone();
    let mut removed: Vec<String> = Vec::new();
    for _ in 0..MAX_SET_ASIDE {
        let Some(e) = errors_of(&wrap(current.clone())) else {
            break;
        };
        if removed
            .iter()
            .any(|f| e.message.contains(&format!("missing field `{f}`")))
        {
            break;
        }
        // The field of `value` the error is in: the step after `at`, or
        // the field an "unknown field" error names.
        let field = match e.message.split_once("unknown field `") {
            Some((_, rest)) if e.path == at => rest.split('`').next().unwrap_or(""),
            _ => e
                .path
                .strip_prefix(at)
                .unwrap_or("")
                .trim_start_matches('.')
                .split(['.', '['])
                .next()
                .unwrap_or(""),
        }
        .to_string();
        out.push(e);
        let Value::Mapping(m) = &mut current else {
            break;
        };
        if field.is_empty() || m.remove(field.as_str()).is_none() {
            break;
        }
        removed.push(field);
    }
    out
}

/// serde's first error for `doc`, or `None` when it deserialises.
fn errors_of(doc: &Mapping) -> Option<TypeError> {
    let text = serde_yaml::to_string(doc).ok()?;
    let e = serde_yaml::from_str::<RawScenario>(&text).err()?;
    let mut message = e.to_string();
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    let path = match message.split_once(": ") {
        Some((p, _)) if !p.contains(' ') => p.to_string(),
        _ => String::new(),
    };
    Some(TypeError { path, message })
}

/// An error found with element `i` of list `name` alone (as element 0).
fn reindex(e: TypeError, name: &str, i: usize) -> TypeError {
    let alone = format!("{name}[0]");
    let here = format!("{name}[{i}]");
    let swap = |s: &str| match s.strip_prefix(&alone) {
        Some(rest) => format!("{here}{rest}"),
        None => s.to_string(),
    };
    TypeError {
        path: swap(&e.path),
        message: swap(&e.message),
    }
}

/// Where an error's value sits in the original document.
pub(super) fn span_of(locations: &Locations, e: &TypeError) -> Option<crate::ids::Span> {
    if e.path.is_empty() {
        return None;
    }
    locations.find(&super::locate::path(&e.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bad_element_and_each_bad_field_is_reported_once() {
        let src = "version: 1\npeople:\n  - {id: P1, skills: finance, pool: maybe}\n  - {id: P2}\n  - {id: P3, leader: 7}\nround: {id: R, start: 2027-13-01, end: 2027-02-01, groups: many}\n";
        let paths: Vec<String> = type_errors(src)
            .unwrap()
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(
            paths,
            [
                "people[0].skills",
                "people[0].pool",
                "people[2].leader",
                "round.start",
                "round.groups"
            ]
        );
    }

    #[test]
    fn a_missing_required_field_is_reported_and_not_blamed_twice() {
        let src = "version: 1\npeople:\n  - {name: x, pool: maybe}\n";
        let errors = type_errors(src).unwrap();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors
            .iter()
            .any(|e| e.message.contains("missing field `id`")));
        assert!(errors.iter().any(|e| e.path == "people[0].pool"));
    }

    #[test]
    fn yaml_that_is_not_well_formed_has_no_type_errors_to_collect() {
        assert!(type_errors("version: 1\npeople: [\n").is_none());
    }
}
