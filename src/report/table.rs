//! Plain-text tables whose columns line up although CJK characters take two
//! terminal cells, and [`clean`]: text from input made safe for a terminal.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Whether `c` would act on a terminal rather than show: C0 and C1 controls
/// (ESC starts the sequences that recolour or retitle it; a newline splits
/// a table row), DEL, and the bidirectional overrides that reorder a line.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every character that would act on a terminal written as an
/// escape instead (`\n`, `\t`, `\u{1b}`): for anything that came from
/// input (names, courses, reasons) before it is printed. Table cells and
/// the [`named`](crate::report::named) labels are cleaned already.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with every C0 control character except the newline and the tab
/// escaped: the last guard before output reaches a terminal, for text a
/// renderer did not [`clean`]. JSON is unchanged by it (it escapes C0
/// itself).
pub fn guard(text: &str) -> Cow<'_, str> {
    let bad = |c: char| c < ' ' && c != '\n' && c != '\t';
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `w` cells.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = String::from(s);
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
}

impl Table {
    pub fn new<I, S>(headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            indent: 0,
        }
    }

    pub fn indent(mut self, n: usize) -> Self {
        self.indent = n;
        self
    }

    /// Add a row. Cells are [`clean`]ed: a newline or an escape sequence in
    /// a name never splits a row or reaches the terminal.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| {
                    let c: String = c.into();
                    match clean(&c) {
                        Cow::Borrowed(_) => c,
                        Cow::Owned(o) => o,
                    }
                })
                .collect(),
        );
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Render with two spaces between columns, a rule under the header, and
    /// no trailing spaces.
    pub fn render(&self) -> String {
        let cols = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.headers.len()])
            .max()
            .unwrap_or(0);
        let mut widths = vec![0; cols];
        for row in self.rows.iter().chain([&self.headers]) {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(width(cell));
            }
        }
        let indent = " ".repeat(self.indent);
        let line = |row: &[String]| {
            let mut s = indent.clone();
            for (i, w) in widths.iter().enumerate() {
                let cell = row.get(i).map(String::as_str).unwrap_or("");
                if i + 1 == cols {
                    s.push_str(cell);
                } else {
                    s.push_str(&pad(cell, *w));
                    s.push_str("  ");
                }
            }
            s.trim_end().to_string()
        };
        let mut out = String::new();
        if !self.headers.is_empty() {
            out.push_str(&line(&self.headers));
            out.push('\n');
            let total: usize = widths.iter().sum::<usize>() + 2 * cols.saturating_sub(1);
            out.push_str(&indent);
            out.push_str(&"-".repeat(total));
            out.push('\n');
        }
        for row in &self.rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_columns_line_up() {
        let mut t = Table::new(["名字", "id"]);
        t.row(["张伟", "P001"]);
        t.row(["Li", "P002"]);
        let out = t.render();
        assert_eq!(out, "名字  id\n----------\n张伟  P001\nLi    P002\n");
    }

    #[test]
    fn control_characters_in_cells_are_escaped_and_rows_never_split() {
        let mut t = Table::new(["名字", "id"]);
        t.row(["张\u{1b}]0;pwned\u{7}伟\n李", "P001"]);
        t.row(["王\u{202e}芳", "P002"]);
        let out = t.render();
        assert_eq!(out.lines().count(), 4, "{out}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'));
        assert!(out.contains("张\\u{1b}]0;pwned\\u{7}伟\\n李"), "{out}");
    }

    #[test]
    fn clean_leaves_ordinary_text_alone() {
        assert!(matches!(clean("青山镇（T01）"), Cow::Borrowed(_)));
        assert_eq!(clean("a\tb"), "a\\tb");
    }
}
