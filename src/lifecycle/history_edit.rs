//! Adding one entry to the `history` of a scenario, or replacing one, by
//! editing its text: the file is never re-serialised, so comments, order,
//! quoting and layout stay as the office wrote them.
//!
//! A YAML event pass (yaml-rust2, with positions) finds the top-level keys
//! and the shape of `history`; the edit itself works on whole lines:
//!
//! - a block list (`history:` then `- round: …` items): the new entry goes
//!   right after the last line of the last item (before any comment or
//!   blank lines that follow it), indented like the existing items; a
//!   replaced entry takes exactly the lines of the old one;
//! - a flow list (`history: [{…}, {…}]`): the entry is written in flow
//!   style after the last item, or in place of the replaced one; an empty
//!   `history: []` (or `history:` with no value) becomes a block list;
//! - no `history` at all: `history:` and the entry are added at the end of
//!   the file.
//!
//! Every byte outside the inserted or replaced lines stays as it was (but
//! for a newline added to a last line that had none, and the value removed
//! from `history: []` / `history: ~`). The caller re-parses the result and
//! compares it with what it expects before writing anything
//! ([`super::commit`]).

use chrono::NaiveDate;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::scenario::{Group, Scenario};

/// One group of a history entry, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryGroup {
    pub leader: String,
    pub members: Vec<String>,
    pub units: Vec<String>,
    pub villages: Vec<String>,
}

/// A history entry to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub round: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub groups: Vec<EntryGroup>,
}

impl Entry {
    /// The entry for `groups` of round `id` from `start` to `end`.
    pub fn new(s: &Scenario, id: &str, start: NaiveDate, end: NaiveDate, groups: &[Group]) -> Self {
        Entry {
            round: id.to_string(),
            start,
            end,
            groups: groups
                .iter()
                .map(|g| EntryGroup {
                    leader: s.person(g.leader).id.clone(),
                    members: g.members.iter().map(|p| s.person(*p).id.clone()).collect(),
                    units: g.units.iter().map(|u| s.unit(*u).id.clone()).collect(),
                    villages: g
                        .villages
                        .iter()
                        .map(|v| s.village(*v).id.clone())
                        .collect(),
                })
                .collect(),
        }
    }

    /// `{leader: P01, members: [P01, P02], units: [T01], villages: [T01-V01]}`
    fn group_flow(g: &EntryGroup) -> String {
        let list = |v: &[String]| {
            format!(
                "[{}]",
                v.iter().map(|x| scalar(x)).collect::<Vec<_>>().join(", ")
            )
        };
        format!(
            "{{leader: {}, members: {}, units: {}, villages: {}}}",
            scalar(&g.leader),
            list(&g.members),
            list(&g.units),
            list(&g.villages)
        )
    }

    /// The entry as one flow mapping.
    pub fn flow(&self) -> String {
        let groups: Vec<String> = self.groups.iter().map(Self::group_flow).collect();
        format!(
            "{{round: {}, start: {}, end: {}, groups: [{}]}}",
            scalar(&self.round),
            self.start,
            self.end,
            groups.join(", ")
        )
    }

    /// The entry as block-list lines, the dash at column `indent`.
    pub fn block(&self, indent: usize, eol: &str) -> String {
        let pad = " ".repeat(indent);
        let mut out = format!("{pad}- round: {}{eol}", scalar(&self.round));
        out.push_str(&format!("{pad}  start: {}{eol}", self.start));
        out.push_str(&format!("{pad}  end: {}{eol}", self.end));
        if self.groups.is_empty() {
            out.push_str(&format!("{pad}  groups: []{eol}"));
        } else {
            out.push_str(&format!("{pad}  groups:{eol}"));
            for g in &self.groups {
                out.push_str(&format!("{pad}    - {}{eol}", Self::group_flow(g)));
            }
        }
        out
    }
}

pub use super::yaml_edit::scalar;

/// The edited text and where the new entry sits in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    /// 1-based, inclusive: the lines that hold the new entry.
    pub lines: (usize, usize),
}

/// Add `entry` as the last item of `history`.
pub fn append(text: &str, entry: &Entry) -> Result<Edited, String> {
    edit(text, None, entry)
}

/// Put `entry` in place of `history[index]`.
pub fn replace(text: &str, index: usize, entry: &Entry) -> Result<Edited, String> {
    edit(text, Some(index), entry)
}

/// Where things are, from the YAML events.
#[derive(Debug, Default)]
struct Outline {
    /// Top-level keys: (name, 1-based line).
    keys: Vec<(String, usize)>,
    history: Option<HistoryValue>,
    root_flow: bool,
    root_is_map: bool,
}

#[derive(Debug)]
enum HistoryValue {
    /// No value, `~` or `null`: the value's text and line.
    Null {
        value: String,
        line: usize,
    },
    Seq {
        flow: bool,
        /// Char index of `[` (flow).
        open: usize,
        /// Char index of `]` (flow).
        close: usize,
        /// Flow items: char index of the first and the last character.
        items: Vec<(usize, usize)>,
    },
    Other,
}

struct Receiver<'a> {
    chars: &'a [char],
    out: Outline,
    /// Open collections.
    depth: usize,
    /// In the root mapping: whether the next node is a key.
    expect_key: bool,
    /// The key whose value comes next.
    pending: Option<String>,
    /// Inside the history sequence (its items are at depth 2).
    in_history: bool,
    item_start: Option<usize>,
}

impl Receiver<'_> {
    fn char_at(&self, m: &Marker) -> Option<char> {
        self.chars.get(m.index()).copied()
    }

    /// A value of the root mapping starts.
    fn root_value(&mut self, ev: &Event, m: &Marker) {
        if self.pending.take().as_deref() != Some("history") {
            return;
        }
        self.out.history = Some(match ev {
            Event::Scalar(v, ..) => HistoryValue::Null {
                value: v.clone(),
                line: m.line(),
            },
            Event::SequenceStart(..) => {
                self.in_history = true;
                HistoryValue::Seq {
                    flow: self.char_at(m) == Some('['),
                    close: m.index(),
                    items: Vec::new(),
                    open: m.index(),
                }
            }
            _ => HistoryValue::Other,
        });
    }
}

impl MarkedEventReceiver for Receiver<'_> {
    fn on_event(&mut self, ev: Event, m: Marker) {
        match &ev {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                match self.depth {
                    0 => {
                        self.out.root_is_map = matches!(ev, Event::MappingStart(..));
                        self.out.root_flow = self.char_at(&m) == Some('{');
                        self.expect_key = true;
                    }
                    1 if self.expect_key => self.pending = None, // a complex key
                    1 => self.root_value(&ev, &m),
                    2 if self.in_history => self.item_start = Some(m.index()),
                    _ => {}
                }
                self.depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.depth = self.depth.saturating_sub(1);
                match self.depth {
                    1 => {
                        if self.in_history {
                            if let Some(HistoryValue::Seq { close, .. }) = &mut self.out.history {
                                *close = m.index();
                            }
                            self.in_history = false;
                        }
                        self.expect_key = !self.expect_key;
                    }
                    2 if self.in_history => {
                        if let (Some(start), Some(HistoryValue::Seq { items, .. })) =
                            (self.item_start.take(), &mut self.out.history)
                        {
                            items.push((start, m.index()));
                        }
                    }
                    _ => {}
                }
            }
            Event::Scalar(..) | Event::Alias(..) if self.depth == 1 => {
                if self.expect_key {
                    let name = match &ev {
                        Event::Scalar(v, ..) => v.clone(),
                        _ => String::new(),
                    };
                    self.out.keys.push((name.clone(), m.line()));
                    self.pending = Some(name);
                } else {
                    self.root_value(&ev, &m);
                }
                self.expect_key = !self.expect_key;
            }
            _ => {}
        }
    }
}

fn outline(text: &str) -> Result<(Outline, Vec<char>), String> {
    let chars: Vec<char> = text.chars().collect();
    let mut r = Receiver {
        chars: &chars,
        out: Outline::default(),
        depth: 0,
        expect_key: false,
        pending: None,
        in_history: false,
        item_start: None,
    };
    let mut parser = Parser::new_from_str(text);
    parser
        .load(&mut r, false)
        .map_err(|e| format!("the file does not read as YAML ({e})"))?;
    let out = r.out;
    if !out.root_is_map {
        return Err("the top level is not a mapping".to_string());
    }
    if out.root_flow {
        return Err("the top level is written in flow style ({…})".to_string());
    }
    Ok((out, chars))
}

/// Lines with their terminators; 1-based access through `line(i)`.
struct Lines<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            lines: text.split_inclusive('\n').collect(),
        }
    }
    fn len(&self) -> usize {
        self.lines.len()
    }
    /// Line `i` (1-based) without its terminator.
    fn content(&self, i: usize) -> &'a str {
        self.lines[i - 1].trim_end_matches(['\n', '\r'])
    }
    fn is_content(&self, i: usize) -> bool {
        let t = self.content(i).trim_start();
        !t.is_empty() && !t.starts_with('#')
    }
    fn indent(&self, i: usize) -> usize {
        let c = self.content(i);
        c.len() - c.trim_start_matches(' ').len()
    }
    fn is_dash(&self, i: usize) -> bool {
        let t = self.content(i).trim_start_matches(' ');
        t == "-" || t.starts_with("- ")
    }
    /// Byte offset of the start of line `i` (1-based; `len()+1` = end).
    fn offset(&self, i: usize) -> usize {
        self.lines[..i - 1].iter().map(|l| l.len()).sum()
    }
}

fn byte_of(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

fn line_of_byte(text: &str, byte: usize) -> usize {
    text[..byte].matches('\n').count() + 1
}

fn edit(text: &str, index: Option<usize>, entry: &Entry) -> Result<Edited, String> {
    // A byte-order mark stays where it is; the YAML pass does not want it.
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        let mut edited = edit(rest, index, entry)?;
        edited.text.insert(0, '\u{feff}');
        return Ok(edited);
    }
    let eol = if text.split('\n').next().is_some_and(|l| l.ends_with('\r')) {
        "\r\n"
    } else {
        "\n"
    };
    let (outline, _) = outline(text)?;
    let lines = Lines::new(text);
    let Some(history) = &outline.history else {
        if index.is_some() {
            return Err("the file has no `history` to replace an entry of".to_string());
        }
        // No history: add the section at the end.
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(eol);
        }
        let first = line_of_byte(&out, out.len());
        out.push_str(&format!("history:{eol}"));
        out.push_str(&entry.block(2, eol));
        let last = out.matches('\n').count();
        return Ok(Edited {
            text: out,
            lines: (first, last),
        });
    };
    let key_line = outline
        .keys
        .iter()
        .find(|(k, _)| k == "history")
        .map(|(_, l)| *l)
        .ok_or("cannot find the `history` key")?;
    match history {
        HistoryValue::Other => Err("`history` is not a list".to_string()),
        HistoryValue::Null { value, line, .. } => {
            if index.is_some() {
                return Err("`history` is empty".to_string());
            }
            if *line == key_line && !value.is_empty() {
                // `history: ~` or `null`: not a list (and not a valid scenario).
                return Err("`history` has a value that is not a list".to_string());
            }
            let out = text[..lines.offset(key_line + 1)].to_string();
            insert_block_after_key(text, &lines, key_line, out, entry, eol)
        }
        HistoryValue::Seq {
            flow: true,
            open,
            close,
            items,
        } => {
            let (ob, cb) = (byte_of(text, *open), byte_of(text, *close));
            // The positions must fall on the brackets and braces, or the
            // text is not what the events say: edit nothing.
            let at = |b: usize, c: &str| text.get(b..b + 1) == Some(c);
            if !at(ob, "[") || !at(cb, "]") {
                return Err("cannot locate the brackets of `history`".to_string());
            }
            for (s, e) in items {
                if !at(byte_of(text, *s), "{") || !at(byte_of(text, *e), "}") {
                    return Err("cannot locate the entries of `history`".to_string());
                }
            }
            if items.is_empty() {
                if index.is_some() {
                    return Err("`history` is empty".to_string());
                }
                if line_of_byte(text, ob) != key_line || line_of_byte(text, cb) != key_line {
                    return Err("`history: [ ]` spans several lines".to_string());
                }
                // `history: []` → `history:` and a block list.
                let mut out = String::new();
                out.push_str(text[..ob].trim_end_matches(' '));
                out.push_str(&text[cb + 1..lines.offset(key_line + 1)]);
                return insert_block_after_key(text, &lines, key_line, out, entry, eol);
            }
            let (start, end, insert) = match index {
                Some(i) => {
                    let (s, e) = *items.get(i).ok_or(format!(
                        "`history` has {} entries in the text, no entry {}",
                        items.len(),
                        i + 1
                    ))?;
                    (byte_of(text, s), byte_of(text, e) + 1, entry.flow())
                }
                None => {
                    let (_, e) = items[items.len() - 1];
                    let at = byte_of(text, e) + 1;
                    (at, at, format!(", {}", entry.flow()))
                }
            };
            if text[start..end].contains('\n') {
                return Err(
                    "the history entry to replace spans several lines of a flow list".to_string(),
                );
            }
            let mut out = String::with_capacity(text.len() + insert.len());
            out.push_str(&text[..start]);
            out.push_str(&insert);
            out.push_str(&text[end..]);
            let line = line_of_byte(text, start);
            Ok(Edited {
                text: out,
                lines: (line, line),
            })
        }
        HistoryValue::Seq { flow: false, .. } => {
            // The history block runs to the next top-level key (or the end).
            let next = outline
                .keys
                .iter()
                .map(|(_, l)| *l)
                .filter(|l| *l > key_line)
                .min()
                .unwrap_or(lines.len() + 1);
            let next = (key_line + 1..next)
                .find(|&i| {
                    let c = lines.content(i);
                    c.starts_with("---") || c.starts_with("...")
                })
                .unwrap_or(next);
            let first = (key_line + 1..next)
                .find(|&i| lines.is_content(i))
                .ok_or("cannot find the items of `history`")?;
            if !lines.is_dash(first) {
                return Err("the items of `history` do not start with `- `".to_string());
            }
            let dash = lines.indent(first);
            let starts: Vec<usize> = (first..next)
                .filter(|&i| lines.is_dash(i) && lines.indent(i) == dash)
                .collect();
            // The last content line before `limit`.
            let last_before = |limit: usize| (first..limit).rev().find(|&i| lines.is_content(i));
            let (from, to) = match index {
                Some(i) => {
                    let start = *starts.get(i).ok_or(format!(
                        "`history` has {} entries in the text, no entry {}",
                        starts.len(),
                        i + 1
                    ))?;
                    let limit = starts.get(i + 1).copied().unwrap_or(next);
                    let end = last_before(limit).ok_or("cannot find the end of the entry")?;
                    (start, end + 1)
                }
                None => {
                    let end = last_before(next).ok_or("cannot find the end of `history`")?;
                    (end + 1, end + 1)
                }
            };
            let mut out = String::with_capacity(text.len() + 256);
            let head = &text[..lines.offset(from)];
            out.push_str(head);
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(eol);
            }
            let first_line = out.matches('\n').count() + 1;
            out.push_str(&entry.block(dash, eol));
            let last_line = out.matches('\n').count();
            out.push_str(&text[lines.offset(to).min(text.len())..]);
            Ok(Edited {
                text: out,
                lines: (first_line, last_line),
            })
        }
    }
}

/// `out` holds the text up to and including the (possibly rewritten)
/// `history:` line; add the entry as a block list and the rest of `text`.
fn insert_block_after_key(
    text: &str,
    lines: &Lines,
    key_line: usize,
    mut out: String,
    entry: &Entry,
    eol: &str,
) -> Result<Edited, String> {
    if !out.ends_with('\n') {
        out.push_str(eol);
    }
    let first = out.matches('\n').count() + 1;
    out.push_str(&entry.block(2, eol));
    let last = out.matches('\n').count();
    let rest = if key_line < lines.len() {
        &text[lines.offset(key_line + 1)..]
    } else {
        ""
    };
    out.push_str(rest);
    Ok(Edited {
        text: out,
        lines: (first, last),
    })
}
