//! Where each value of a YAML document sits: a map from a path such as
//! `people[3].skills[1]` to its line and column.
//!
//! serde_yaml forgets positions once a value is deserialised, so validation
//! messages would otherwise say "person P003" without a line. A second,
//! event-level pass with yaml-rust2 records the position of every key and
//! value; validation looks paths up here. A document yaml-rust2 cannot read
//! simply yields an empty index (serde_yaml has already reported the error).

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::ids::Span;

/// One step of a path into the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Positions of the values of a YAML document, by path. Indexing costs more
/// than parsing, and only a file with problems needs it, so it happens on
/// the first [`Locations::find`].
#[derive(Debug, Default, Clone)]
pub struct Locations {
    source: String,
    spans: std::sync::OnceLock<HashMap<Vec<Step>, Span>>,
    /// Values that came from a workbook (`sources:`): their `file!sheet!cell`.
    origins: HashMap<Vec<Step>, String>,
}

impl Locations {
    /// Prepare to index `source`. Never fails: an unreadable document gives
    /// an empty index.
    pub fn index(source: &str) -> Self {
        Locations {
            source: source.to_string(),
            spans: std::sync::OnceLock::new(),
            origins: HashMap::new(),
        }
    }

    /// Add where values joined from workbooks came from: `(path, file!sheet!cell)`.
    pub fn with_origins(mut self, origins: Vec<(String, String)>) -> Self {
        self.origins
            .extend(origins.into_iter().map(|(p, at)| (path(&p), at)));
        self
    }

    /// The workbook cell the value at `path` (or its nearest ancestor) came
    /// from, when a workbook gave it.
    pub fn origin(&self, path: &[Step]) -> Option<&str> {
        if self.origins.is_empty() {
            return None;
        }
        (0..=path.len())
            .rev()
            .find_map(|n| self.origins.get(&path[..n]).map(String::as_str))
    }

    fn spans(&self) -> &HashMap<Vec<Step>, Span> {
        self.spans.get_or_init(|| {
            let mut builder = Builder::default();
            let mut parser = Parser::new_from_str(&self.source);
            if parser.load(&mut builder, false).is_err() {
                return HashMap::new();
            }
            builder.spans
        })
    }

    /// The position of the value at `path`, or of its nearest ancestor.
    pub fn find(&self, path: &[Step]) -> Option<Span> {
        let spans = self.spans();
        (0..=path.len())
            .rev()
            .find_map(|n| spans.get(&path[..n]).copied())
    }
}

/// Build a path from a compact string such as `people[3].skills[1]`.
pub fn path(spec: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in spec.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                steps.push(Step::Key(rest[..open].to_string()));
            }
            rest = &rest[open..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let close = stripped.find(']').unwrap_or(stripped.len());
                if let Ok(i) = stripped[..close].parse() {
                    steps.push(Step::Index(i));
                }
                rest = stripped.get(close + 1..).unwrap_or("");
            }
        } else {
            steps.push(Step::Key(rest.to_string()));
        }
    }
    steps
}

enum Frame {
    Map { key: Option<String> },
    Seq { next: usize },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    path: Vec<Step>,
    /// For each open collection: whether it pushed a step onto `path`.
    pushed: Vec<bool>,
    spans: HashMap<Vec<Step>, Span>,
}

impl Builder {
    /// A value starts at `mark`: record it under the current path and
    /// return whether a frame was pushed onto `path`.
    fn begin_value(&mut self, mark: Marker) -> bool {
        let step = match self.stack.last_mut() {
            None => None,
            Some(Frame::Map { key }) => key.take().map(Step::Key),
            Some(Frame::Seq { next }) => {
                let i = *next;
                *next += 1;
                Some(Step::Index(i))
            }
        };
        let pushed = step.is_some();
        if let Some(step) = step {
            self.path.push(step);
        }
        self.spans.entry(self.path.clone()).or_insert(Span {
            line: mark.line(),
            column: mark.col() + 1,
        });
        pushed
    }

    fn end_value(&mut self, pushed: bool) {
        if pushed {
            self.path.pop();
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map { key }) = self.stack.last_mut() {
                    if key.is_none() {
                        *key = Some(value);
                        return;
                    }
                }
                let pushed = self.begin_value(mark);
                self.end_value(pushed);
            }
            Event::Alias(_) => {
                let pushed = self.begin_value(mark);
                self.end_value(pushed);
            }
            Event::MappingStart(..) => {
                let pushed = self.begin_value(mark);
                self.stack.push(Frame::Map { key: None });
                self.pushed.push(pushed);
            }
            Event::SequenceStart(..) => {
                let pushed = self.begin_value(mark);
                self.stack.push(Frame::Seq { next: 0 });
                self.pushed.push(pushed);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                let pushed = self.pushed.pop().unwrap_or(false);
                self.end_value(pushed);
            }
            _ => {}
        }
    }
}
