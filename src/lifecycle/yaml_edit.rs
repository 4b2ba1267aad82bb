//! Small changes to a YAML file made as text: add an item to a list, set a
//! key of a mapping, replace a value. The file is never re-serialised, so
//! comments, order, quoting and layout outside the changed lines stay as
//! the office wrote them, byte for byte.
//!
//! A YAML event pass (yaml-rust2, with positions) gives the place and style
//! (block or flow) of every node; an edit then works on whole lines of a
//! block collection, or inside the brackets of a flow one:
//!
//! - a new item of a block list goes right after the last line of the last
//!   item (before any comment or blank lines that follow it), with the
//!   items' indentation, written in the style of the item before it (a
//!   block mapping, or one line in flow style);
//! - in a flow list or mapping (`[…]`, `{…}`), it goes before the closing
//!   bracket, in flow style;
//! - a missing key is added at the end of its mapping (with the keys'
//!   indentation), and missing parents with it.
//!
//! Every edit is checked: the new text is parsed and must equal the old
//! document with exactly the intended change ([`Doc::apply`]); otherwise
//! nothing comes back but the reason, and the caller writes nothing.

use serde_yaml::Value as Yaml;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::scenario::Step;

/// A value to write, already in YAML words.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar as written (see [`scalar`] to quote a string).
    Scalar(String),
    Map(Vec<(String, Value)>),
    Seq(Vec<Value>),
    /// Always written in flow style, even in a block context.
    Flow(Box<Value>),
}

impl Value {
    /// A string, quoted when it would not read back as itself.
    pub fn text(s: &str) -> Value {
        Value::Scalar(scalar(s))
    }

    /// The value in flow style: `{a: 1, b: [x, y]}`.
    pub fn flow(&self) -> String {
        match self {
            Value::Scalar(s) => s.clone(),
            Value::Flow(v) => v.flow(),
            Value::Map(kv) => format!(
                "{{{}}}",
                kv.iter()
                    .map(|(k, v)| format!("{}: {}", scalar(k), v.flow()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Value::Seq(items) => format!(
                "[{}]",
                items.iter().map(Value::flow).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    fn is_block_collection(&self) -> bool {
        match self {
            Value::Map(kv) => !kv.is_empty(),
            Value::Seq(items) => !items.is_empty(),
            _ => false,
        }
    }

    /// Lines of `key: value` entries of a mapping, keys at `indent`.
    fn map_lines(kv: &[(String, Value)], indent: usize, out: &mut Vec<String>) {
        let pad = " ".repeat(indent);
        for (k, v) in kv {
            if v.is_block_collection() {
                out.push(format!("{pad}{}:", scalar(k)));
                v.block_lines(indent + 2, out);
            } else {
                out.push(format!("{pad}{}: {}", scalar(k), v.flow()));
            }
        }
    }

    /// The value in block style, its lines at `indent`.
    fn block_lines(&self, indent: usize, out: &mut Vec<String>) {
        let pad = " ".repeat(indent);
        match self {
            Value::Map(kv) if !kv.is_empty() => Self::map_lines(kv, indent, out),
            Value::Seq(items) if !items.is_empty() => {
                for item in items {
                    item.item_lines(indent, out);
                }
            }
            other => out.push(format!("{pad}{}", other.flow())),
        }
    }

    /// The value as an item of a block list whose dashes are at `dash`.
    fn item_lines(&self, dash: usize, out: &mut Vec<String>) {
        let pad = " ".repeat(dash);
        match self {
            Value::Map(kv) if !kv.is_empty() => {
                let mut lines = Vec::new();
                Self::map_lines(kv, dash + 2, &mut lines);
                if let Some(first) = lines.first_mut() {
                    *first = format!("{pad}- {}", &first[dash + 2..]);
                }
                out.extend(lines);
            }
            other => out.push(format!("{pad}- {}", other.flow())),
        }
    }

    fn to_yaml(&self) -> Result<Yaml, String> {
        serde_yaml::from_str(&self.flow())
            .map_err(|e| format!("a new value does not read back ({e})"))
    }
}

/// `s` as a YAML scalar: plain when it reads back as the same string,
/// else double-quoted.
pub fn scalar(s: &str) -> String {
    let plain_chars = !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_alphanumeric())
        && !s.contains(": ")
        && !s.contains(" #")
        && s.chars().all(|c| {
            !c.is_control() && !matches!(c, '[' | ']' | '{' | '}' | ',' | '"' | '\'' | '#' | ':')
        })
        && s.trim() == s;
    let reads_back = plain_chars
        && matches!(serde_yaml::from_str::<Yaml>(s),
                    Ok(Yaml::String(ref t)) if t == s);
    if reads_back {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
    }
}

/// One change to a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Add an item at the end of the list at the path (created if absent).
    Append(Vec<Step>, Value),
    /// Set the value at the path (a key of a mapping; added if absent).
    Set(Vec<Step>, Value),
}

/// A node of the document as the event pass saw it.
#[derive(Debug, Clone)]
struct Node {
    kind: Kind,
    flow: bool,
    /// Byte offset of its first character.
    start: usize,
    /// Collections: byte offset of the end event (the closing bracket of
    /// a flow collection; the next token after a block one).
    end: usize,
    /// Scalars: the value and its style.
    scalar: Option<(String, TScalarStyle)>,
    children: Vec<(Step, Node)>,
    /// Mappings: where each key starts (a block mapping's own event is
    /// marked at the `:` of its first key).
    keys: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Scalar,
    Map,
    Seq,
}

impl Node {
    fn child(&self, step: &Step) -> Option<&Node> {
        self.children
            .iter()
            .find(|(s, _)| s == step)
            .map(|(_, n)| n)
    }
}

struct Builder<'a> {
    bytes_at: &'a [usize],
    stack: Vec<(Node, Option<String>)>,
    root: Option<Node>,
}

impl Builder<'_> {
    fn byte(&self, m: &Marker) -> usize {
        self.bytes_at
            .get(m.index())
            .copied()
            .unwrap_or_else(|| *self.bytes_at.last().unwrap_or(&0))
    }

    /// Attach a finished node to its parent (or make it the root).
    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some((parent, pending)) => match parent.kind {
                Kind::Map => {
                    if let Some(key) = pending.take() {
                        parent.children.push((Step::Key(key), node));
                    } else if let Some((k, _)) = &node.scalar {
                        parent.keys.push(node.start);
                        *pending = Some(k.clone());
                    } else {
                        // A complex key: keep a placeholder so values pair up.
                        *pending = Some(String::new());
                    }
                }
                Kind::Seq => {
                    let i = parent.children.len();
                    parent.children.push((Step::Index(i), node));
                }
                Kind::Scalar => {}
            },
        }
    }
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, ev: Event, m: Marker) {
        let at = self.byte(&m);
        match ev {
            Event::Scalar(value, style, ..) => {
                let node = Node {
                    kind: Kind::Scalar,
                    flow: true,
                    start: at,
                    end: at,
                    scalar: Some((value, style)),
                    children: Vec::new(),
                    keys: Vec::new(),
                };
                self.attach(node);
            }
            Event::Alias(_) => {
                let node = Node {
                    kind: Kind::Scalar,
                    flow: true,
                    start: at,
                    end: at,
                    scalar: None,
                    children: Vec::new(),
                    keys: Vec::new(),
                };
                self.attach(node);
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let kind = if matches!(ev, Event::MappingStart(..)) {
                    Kind::Map
                } else {
                    Kind::Seq
                };
                self.stack.push((
                    Node {
                        kind,
                        flow: false,
                        start: at,
                        end: at,
                        scalar: None,
                        children: Vec::new(),
                        keys: Vec::new(),
                    },
                    None,
                ));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some((mut node, _)) = self.stack.pop() {
                    node.end = at;
                    self.attach(node);
                }
            }
            _ => {}
        }
    }
}

/// A document, parsed for editing.
pub struct Doc {
    /// The text without a leading byte-order mark.
    text: String,
    bom: bool,
    eol: &'static str,
    root: Node,
}

fn step_text(path: &[Step]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

impl Doc {
    pub fn parse(text: &str) -> Result<Doc, String> {
        let (body, bom) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let eol = if body.split('\n').next().is_some_and(|l| l.ends_with('\r')) {
            "\r\n"
        } else {
            "\n"
        };
        let mut bytes_at: Vec<usize> = body.char_indices().map(|(b, _)| b).collect();
        bytes_at.push(body.len());
        let mut b = Builder {
            bytes_at: &bytes_at,
            stack: Vec::new(),
            root: None,
        };
        let mut parser = Parser::new_from_str(body);
        parser
            .load(&mut b, false)
            .map_err(|e| format!("the file does not read as YAML ({e})"))?;
        let mut root = b.root.ok_or("the file is empty")?;
        if root.kind != Kind::Map {
            return Err("the top level is not a mapping".to_string());
        }
        mark_flow(&mut root, body);
        if root.flow {
            return Err("the top level is written in flow style ({…})".to_string());
        }
        Ok(Doc {
            text: body.to_string(),
            bom,
            eol,
            root,
        })
    }

    /// The whole text, with its byte-order mark if it had one.
    pub fn text(&self) -> String {
        if self.bom {
            format!("\u{feff}{}", self.text)
        } else {
            self.text.clone()
        }
    }

    fn node(&self, path: &[Step]) -> Option<&Node> {
        let mut n = &self.root;
        for s in path {
            n = n.child(s)?;
        }
        Some(n)
    }

    /// The 1-based line of the node at `path`.
    pub fn line_of(&self, path: &[Step]) -> Option<usize> {
        self.node(path).map(|n| line_of_byte(&self.text, n.start))
    }

    /// Number of items of the list at `path` (0 when absent).
    pub fn len(&self, path: &[Step]) -> usize {
        self.node(path)
            .filter(|n| n.kind == Kind::Seq)
            .map_or(0, |n| n.children.len())
    }

    /// Apply `ops` in order; the new text and, per op, the 1-based lines
    /// it wrote. The result is checked against the intended change.
    pub fn apply(text: &str, ops: &[Op]) -> Result<(String, Vec<(usize, usize)>), String> {
        let mut expected: Yaml =
            serde_yaml::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
                .map_err(|e| format!("the file does not read as YAML ({e})"))?;
        let mut current = text.to_string();
        let mut lines = Vec::new();
        for op in ops {
            let doc = Doc::parse(&current)?;
            let (next, span) = doc.edit(op)?;
            change_value(&mut expected, op)?;
            current = next;
            lines.push(span);
        }
        let got: Yaml = serde_yaml::from_str(current.strip_prefix('\u{feff}').unwrap_or(&current))
            .map_err(|e| format!("the edited file would not read as YAML ({e})"))?;
        if got != expected {
            return Err("the edited file would not read back as intended".to_string());
        }
        Ok((current, lines))
    }

    fn edit(&self, op: &Op) -> Result<(String, (usize, usize)), String> {
        match op {
            Op::Append(path, item) => match self.node(path) {
                Some(n) if n.kind == Kind::Seq => self.append_to(n, item),
                Some(_) => Err(format!("`{}` is not a list", step_text(path))),
                None => self.add_missing(path, Value::Seq(vec![item.clone()])),
            },
            Op::Set(path, value) => match self.node(path) {
                Some(n) => self.replace_node(n, value, path),
                None => self.add_missing(path, value.clone()),
            },
        }
    }

    /// Add the value at `path` whose last step (and maybe more) is missing.
    fn add_missing(&self, path: &[Step], value: Value) -> Result<(String, (usize, usize)), String> {
        let mut value = value;
        let mut k = path.len();
        loop {
            if k == 0 {
                return Err(format!("cannot place `{}`", step_text(path)));
            }
            let Step::Key(key) = &path[k - 1] else {
                return Err(format!("`{}` does not exist", step_text(&path[..k])));
            };
            if let Some(parent) = self.node(&path[..k - 1]) {
                if parent.kind != Kind::Map {
                    return Err(format!("`{}` is not a mapping", step_text(&path[..k - 1])));
                }
                return self.insert_key(parent, key, &value);
            }
            value = Value::Map(vec![(key.clone(), value)]);
            k -= 1;
        }
    }

    fn splice(&self, from: usize, to: usize, insert: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + insert.len());
        out.push_str(&self.text[..from]);
        out.push_str(insert);
        out.push_str(&self.text[to..]);
        if self.bom {
            out.insert(0, '\u{feff}');
        }
        out
    }

    /// Insert whole `lines` after the line holding byte `after_line_of`
    /// (`None`: at the very start of the text).
    fn insert_lines(&self, after: usize, lines: &[String]) -> (String, (usize, usize)) {
        let line_end = match self.text[after..].find('\n') {
            Some(i) => after + i + 1,
            None => self.text.len(),
        };
        let mut insert = String::new();
        let unterminated = line_end == self.text.len() && !self.text.ends_with('\n');
        if unterminated && !self.text.is_empty() {
            insert.push_str(self.eol);
        }
        for l in lines {
            insert.push_str(l);
            insert.push_str(self.eol);
        }
        let first = self.text[..line_end].matches('\n').count()
            + 1
            + usize::from(unterminated && !self.text.is_empty());
        (
            self.splice(line_end, line_end, &insert),
            (first, first + lines.len().saturating_sub(1)),
        )
    }

    /// The start of the last content line of a block node.
    fn block_last(&self, n: &Node) -> usize {
        last_content_before(&self.text, n.start, n.end)
    }

    fn append_to(&self, seq: &Node, item: &Value) -> Result<(String, (usize, usize)), String> {
        if seq.flow {
            let close = seq.end;
            if self.text.get(close..close + 1) != Some("]") {
                return Err("cannot locate the closing bracket of a list".to_string());
            }
            let sep = if seq.children.is_empty() { "" } else { ", " };
            // Keep the item before any spaces that precede the bracket.
            let before = self.text[..close].trim_end_matches([' ', '\t']);
            let at = if seq.children.is_empty() {
                close
            } else {
                before.len()
            };
            let line = line_of_byte(&self.text, at);
            return Ok((
                self.splice(at, at, &format!("{sep}{}", item.flow())),
                (line, line),
            ));
        }
        let last = seq
            .children
            .last()
            .map(|(_, n)| n)
            .ok_or("an empty block list")?;
        let dash =
            dash_column(&self.text, last.start).ok_or("cannot locate the items of a list")?;
        let mut lines = Vec::new();
        let block_style = last.kind == Kind::Map && !last.flow;
        match item {
            Value::Map(_) if !block_style => {
                Value::Flow(Box::new(item.clone())).item_lines(dash, &mut lines)
            }
            _ => item.item_lines(dash, &mut lines),
        }
        Ok(self.insert_lines(self.block_last(seq), &lines))
    }

    fn insert_key(
        &self,
        map: &Node,
        key: &str,
        value: &Value,
    ) -> Result<(String, (usize, usize)), String> {
        if map.flow {
            let close = map.end;
            if self.text.get(close..close + 1) != Some("}") {
                return Err("cannot locate the closing brace of a mapping".to_string());
            }
            let sep = if map.children.is_empty() { "" } else { ", " };
            let before = self.text[..close].trim_end_matches([' ', '\t']);
            let at = if map.children.is_empty() {
                close
            } else {
                before.len()
            };
            let line = line_of_byte(&self.text, at);
            return Ok((
                self.splice(at, at, &format!("{sep}{}: {}", scalar(key), value.flow())),
                (line, line),
            ));
        }
        let indent = column_of(&self.text, map.start);
        let mut lines = Vec::new();
        Value::map_lines(&[(key.to_string(), value.clone())], indent, &mut lines);
        if map.children.is_empty() {
            return Err("an empty block mapping".to_string());
        }
        Ok(self.insert_lines(self.block_last(map), &lines))
    }

    fn replace_node(
        &self,
        n: &Node,
        value: &Value,
        path: &[Step],
    ) -> Result<(String, (usize, usize)), String> {
        match n.kind {
            Kind::Scalar => {
                let (v, style) = n.scalar.as_ref().ok_or("an alias cannot be replaced")?;
                let len = scalar_len(&self.text[n.start..], v, *style)
                    .ok_or_else(|| format!("cannot locate the value of `{}`", step_text(path)))?;
                if value.is_block_collection() {
                    // A scalar becomes a collection: write it in flow style.
                    let line = line_of_byte(&self.text, n.start);
                    return Ok((
                        self.splice(n.start, n.start + len, &value.flow()),
                        (line, line),
                    ));
                }
                let line = line_of_byte(&self.text, n.start);
                Ok((
                    self.splice(n.start, n.start + len, &value.flow()),
                    (line, line),
                ))
            }
            _ if n.flow => {
                let close = n.end;
                let line = line_of_byte(&self.text, n.start);
                Ok((self.splice(n.start, close + 1, &value.flow()), (line, line)))
            }
            _ => {
                // A block collection under a key: its lines are replaced.
                let first_line_start = line_start(&self.text, n.start);
                let last = self.block_last(n);
                let last_end = match self.text[last..].find('\n') {
                    Some(i) => last + i + 1,
                    None => self.text.len(),
                };
                let indent = match n.kind {
                    Kind::Seq => dash_column(
                        &self.text,
                        n.children.first().map_or(n.start, |(_, c)| c.start),
                    )
                    .unwrap_or(column_of(&self.text, n.start)),
                    _ => column_of(&self.text, n.start),
                };
                let mut lines = Vec::new();
                if value.is_block_collection() {
                    value.block_lines(indent, &mut lines);
                } else {
                    return Err(format!(
                        "`{}` would change from a block to a scalar",
                        step_text(path)
                    ));
                }
                let mut insert = String::new();
                for l in &lines {
                    insert.push_str(l);
                    insert.push_str(self.eol);
                }
                let first = line_of_byte(&self.text, first_line_start);
                Ok((
                    self.splice(first_line_start, last_end, &insert),
                    (first, first + lines.len() - 1),
                ))
            }
        }
    }
}

/// Mark every collection written in flow style.
fn mark_flow(n: &mut Node, text: &str) {
    if n.kind != Kind::Scalar {
        let c = text.get(n.start..n.start + 1);
        n.flow = matches!(c, Some("[") | Some("{"));
        if n.kind == Kind::Map && !n.flow {
            if let Some(&k) = n.keys.first() {
                n.start = k;
            }
        }
    }
    let flow = n.flow;
    for (_, c) in n.children.iter_mut() {
        mark_flow(c, text);
        if flow && c.kind != Kind::Scalar {
            c.flow = true;
        }
    }
}

fn line_of_byte(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

fn line_start(text: &str, byte: usize) -> usize {
    text[..byte].rfind('\n').map_or(0, |i| i + 1)
}

/// Column (in characters, 0-based) of byte `byte`.
fn column_of(text: &str, byte: usize) -> usize {
    text[line_start(text, byte)..byte].chars().count()
}

/// The column of the `-` before an item of a block list starting at byte `item`.
fn dash_column(text: &str, item: usize) -> Option<usize> {
    let ls = line_start(text, item);
    let before = &text[ls..item];
    let dash = before.rfind('-')?;
    if before[..dash].chars().all(|c| c == ' ' || c == '-') {
        Some(before[..dash].chars().count())
    } else {
        None
    }
}

/// The start of the last content line among the lines from `start`
/// until the first line whose content begins at or after `end`.
fn last_content_before(text: &str, start: usize, end: usize) -> usize {
    let mut last = start;
    let mut offset = line_start(text, start);
    for line in text[offset..].split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let t = body.trim_start_matches([' ', '\t']);
        let content_at = offset + (body.len() - t.len());
        if offset >= end || (!t.is_empty() && content_at >= end) {
            break;
        }
        if !t.is_empty() && !t.starts_with('#') {
            last = offset;
        }
        offset += line.len();
    }
    last
}

/// The length in bytes of a one-line scalar `value` written at the start
/// of `at` in `style`.
fn scalar_len(at: &str, value: &str, style: TScalarStyle) -> Option<usize> {
    match style {
        TScalarStyle::Plain => {
            let line = at.split(['\n', '\r']).next()?;
            // Up to a comment, a flow separator or the end of the line.
            let mut end = line.len();
            for (i, c) in line.char_indices() {
                if matches!(c, ',' | ']' | '}') || (c == '#' && line[..i].ends_with(' ')) {
                    end = i;
                    break;
                }
            }
            let text = line[..end].trim_end();
            (serde_yaml::from_str::<Yaml>(text)
                .ok()
                .map(|v| yaml_plain(&v))
                == Some(value.to_string()))
            .then_some(text.len())
        }
        TScalarStyle::DoubleQuoted | TScalarStyle::SingleQuoted => {
            let q = if style == TScalarStyle::DoubleQuoted {
                '"'
            } else {
                '\''
            };
            let line = at.split(['\n', '\r']).next()?;
            let mut escaped = false;
            for (i, c) in line.char_indices().skip(1) {
                if q == '"' && c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                if c == q && !escaped {
                    if q == '\'' && line[i + 1..].starts_with('\'') {
                        continue;
                    }
                    return Some(i + 1);
                }
                escaped = false;
            }
            None
        }
        _ => None,
    }
}

/// A scalar value as the event pass reports it (its plain text).
fn yaml_plain(v: &Yaml) -> String {
    match v {
        Yaml::String(s) => s.clone(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Number(n) => n.to_string(),
        Yaml::Null => String::new(),
        _ => String::from("\u{0}"),
    }
}

/// Apply `op` to the value tree the way the text edit should.
fn change_value(doc: &mut Yaml, op: &Op) -> Result<(), String> {
    let (path, new) = match op {
        Op::Append(p, v) | Op::Set(p, v) => (p, v.to_yaml()?),
    };
    let mut cur = doc;
    for (i, s) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        cur = match s {
            Step::Key(k) => {
                let map = match cur {
                    Yaml::Mapping(m) => m,
                    Yaml::Null => {
                        *cur = Yaml::Mapping(Default::default());
                        match cur {
                            Yaml::Mapping(m) => m,
                            _ => unreachable!(),
                        }
                    }
                    _ => return Err(format!("`{}` is not a mapping", step_text(&path[..i]))),
                };
                let key = Yaml::String(k.clone());
                if !map.contains_key(&key) {
                    let fresh = if last && matches!(op, Op::Append(..)) {
                        Yaml::Sequence(Vec::new())
                    } else {
                        Yaml::Null
                    };
                    map.insert(key.clone(), fresh);
                }
                map.get_mut(&key).expect("just inserted")
            }
            Step::Index(n) => match cur {
                Yaml::Sequence(items) => items
                    .get_mut(*n)
                    .ok_or_else(|| format!("`{}` does not exist", step_text(&path[..=i])))?,
                _ => return Err(format!("`{}` is not a list", step_text(&path[..i]))),
            },
        };
    }
    match op {
        Op::Append(..) => match cur {
            Yaml::Sequence(items) => items.push(new),
            _ => return Err(format!("`{}` is not a list", step_text(path))),
        },
        Op::Set(..) => *cur = new,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::yaml_path as path;

    fn map(kv: &[(&str, &str)]) -> Value {
        Value::Map(
            kv.iter()
                .map(|(k, v)| (k.to_string(), Value::text(v)))
                .collect(),
        )
    }

    #[test]
    fn appends_to_a_block_list_of_block_mappings_in_their_style() {
        let text = "a: 1\nrecusal:\n  declared:\n  - person: P1\n    unit: T1\n  # trailing comment\nround: x\n";
        let (out, lines) = Doc::apply(
            text,
            &[Op::Append(
                path("recusal.declared"),
                map(&[("person", "P2"), ("unit", "T2")]),
            )],
        )
        .unwrap();
        assert_eq!(
            out,
            "a: 1\nrecusal:\n  declared:\n  - person: P1\n    unit: T1\n  - person: P2\n    unit: T2\n  # trailing comment\nround: x\n"
        );
        assert_eq!(lines, vec![(6, 7)]);
    }

    #[test]
    fn appends_to_a_flow_list_and_a_list_of_flow_items() {
        let text = "people:\n  - {id: P1, unavailable: [{from: 2027-01-01, to: 2027-01-02}]}\nx: [a, b]  # c\n";
        let item = map(&[("from", "2027-02-01"), ("to", "2027-02-03")]);
        let (out, _) = Doc::apply(
            text,
            &[
                Op::Append(path("people[0].unavailable"), item),
                Op::Append(path("x"), Value::text("c")),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "people:\n  - {id: P1, unavailable: [{from: 2027-01-01, to: 2027-01-02}, {from: 2027-02-01, to: 2027-02-03}]}\nx: [a, b, c]  # c\n"
        );
    }

    #[test]
    fn adds_missing_keys_and_parents_at_the_end_of_the_mapping() {
        let text = "version: 1\npeople:\n- id: P1\n  name: 甲\n\n# end\n";
        let (out, _) = Doc::apply(
            text,
            &[
                Op::Set(path("people[0].pool"), Value::Scalar("false".into())),
                Op::Append(
                    path("recusal.waived"),
                    map(&[("person", "P1"), ("unit", "T1")]),
                ),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "version: 1\npeople:\n- id: P1\n  name: 甲\n  pool: false\nrecusal:\n  waived:\n    - person: P1\n      unit: T1\n\n# end\n"
        );
    }

    #[test]
    fn sets_a_scalar_in_place_keeping_its_comment() {
        let text = "people:\n- id: P1\n  pool: true   # 在库\n  leader: true\n";
        let (out, _) = Doc::apply(
            text,
            &[Op::Set(
                path("people[0].pool"),
                Value::Scalar("false".into()),
            )],
        )
        .unwrap();
        assert_eq!(
            out,
            "people:\n- id: P1\n  pool: false   # 在库\n  leader: true\n"
        );
    }

    #[test]
    fn replaces_a_block_mapping_and_keeps_what_follows() {
        let text = "round:\n  id: A   # old\n  units: [T1]\n\n# the term\nterm: 1\n";
        let v = Value::Map(vec![
            ("id".into(), Value::text("B")),
            (
                "units".into(),
                Value::Flow(Box::new(Value::Seq(vec![Value::text("T2")]))),
            ),
        ]);
        let (out, lines) = Doc::apply(text, &[Op::Set(path("round"), v)]).unwrap();
        assert_eq!(
            out,
            "round:\n  id: B\n  units: [T2]\n\n# the term\nterm: 1\n"
        );
        assert_eq!(lines, vec![(2, 3)]);
    }

    #[test]
    fn crlf_and_a_byte_order_mark_are_kept() {
        let text = "\u{feff}a: 1\r\nl:\r\n- x\r\n";
        let (out, _) = Doc::apply(text, &[Op::Append(path("l"), Value::text("y"))]).unwrap();
        assert_eq!(out, "\u{feff}a: 1\r\nl:\r\n- x\r\n- y\r\n");
    }

    #[test]
    fn a_last_line_without_newline_gets_one() {
        let (out, _) = Doc::apply("l:\n- x", &[Op::Append(path("l"), Value::text("y"))]).unwrap();
        assert_eq!(out, "l:\n- x\n- y\n");
    }

    #[test]
    fn scalars_that_would_not_read_back_are_quoted() {
        assert_eq!(scalar("P01"), "P01");
        assert_eq!(
            scalar("本人申报：曾在该单位借调工作"),
            "本人申报：曾在该单位借调工作"
        );
        assert_eq!(scalar("2027"), "\"2027\"");
        assert_eq!(scalar("true"), "\"true\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("x # y"), "\"x # y\"");
        assert_eq!(scalar(""), "\"\"");
    }
}
