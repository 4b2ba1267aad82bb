//! 干部任免审批表 files (`.lrmx`, /shared/spec/lrmx.md): read into a
//! [`Form`] (identity, current post, résumé lines, family members), the
//! résumé parsed into periods ([`resume`]), names matched to the
//! scenario's units and villages ([`matcher`]), and the whole turned into
//! a workbook in the sources layout ([`import`]).
//!
//! Nothing here guesses: a name that matches no unit or several, a résumé
//! line that cannot be read, a 称谓 with no relation kind, is a
//! [`Review`] item for a person to settle (the 待核对 sheet).

pub mod import;
pub mod matcher;
pub mod resume;

use std::borrow::Cow;

/// The largest form read (a photo is base64 inside; real forms are < 1 MB).
pub const MAX_FORM_BYTES: u64 = 16 * 1024 * 1024;

/// A family member as the form lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// 称谓: 妻子, 父亲, …
    pub title: String,
    pub name: String,
    pub birth: String,
    /// 工作单位及职务, free text.
    pub work: String,
    /// Line of the member's `Item` in the file.
    pub line: usize,
}

/// What xuncha reads of one form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Form {
    pub name: String,
    pub sex: String,
    /// 出生年月 as written (`198003`, `1980.03`).
    pub birth: String,
    /// 身份证号, may be empty.
    pub id_number: String,
    /// 现任职务.
    pub post: String,
    pub post_line: usize,
    /// 籍贯 (JiGuan) and 出生地 (ChuShengDi), each with its line.
    pub native_place: (usize, String),
    pub birthplace: (usize, String),
    /// 熟悉专业有何专长.
    pub expertise: String,
    /// 简历 lines, each with its line in the file (blank lines dropped).
    pub resume: Vec<(usize, String)>,
    pub family: Vec<Member>,
}

/// Why a file could not be read as a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// The bytes are not text in UTF-8, UTF-16 or GBK/GB18030.
    Encoding,
    /// Not well-formed XML: the parser's reason and where.
    Xml {
        line: usize,
        column: usize,
        reason: String,
    },
    /// Well-formed, but the root is not `Person`.
    NotAForm { root: String },
}

/// The text of a form's bytes: a byte-order mark wins; then a GB2312 /
/// GBK / GB18030 declaration; then UTF-8; then GB18030.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, FormError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return std::str::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|_| FormError::Encoding);
    }
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        return if bad {
            Err(FormError::Encoding)
        } else {
            Ok(Cow::Owned(text.into_owned()))
        };
    }
    let head: String = bytes
        .iter()
        .take(200)
        .take_while(|b| **b != b'>')
        .map(|b| (*b as char).to_ascii_lowercase())
        .collect();
    let declared_gb = head.starts_with("<?xml")
        && ["gb2312", "gbk", "gb18030"]
            .iter()
            .any(|e| head.contains(e));
    let gb = |b: &'_ [u8]| {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(b)
            .map(|c| Cow::Owned(c.into_owned()))
            .ok_or(FormError::Encoding)
    };
    if declared_gb {
        return gb(bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) => gb(bytes),
    }
}

/// Read a form from its bytes.
pub fn parse(bytes: &[u8]) -> Result<Form, FormError> {
    let text = decode(bytes)?;
    // roxmltree reads text: the declaration's encoding has been applied.
    let body = strip_declaration(&text);
    let offset_lines = text[..text.len() - body.len()].matches('\n').count();
    let doc = roxmltree::Document::parse(body).map_err(|e| {
        let pos = e.pos();
        FormError::Xml {
            line: pos.row as usize + offset_lines,
            column: pos.col as usize,
            reason: e.to_string(),
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "Person" {
        return Err(FormError::NotAForm {
            root: root.tag_name().name().to_string(),
        });
    }
    let line_of = |n: roxmltree::Node| doc.text_pos_at(n.range().start).row as usize + offset_lines;
    let child = |name: &str| root.children().find(|c| c.tag_name().name() == name);
    let text_of = |name: &str| {
        child(name)
            .map(|c| element_text(&c).trim().to_string())
            .unwrap_or_default()
    };
    let mut form = Form {
        name: text_of("XingMing"),
        sex: text_of("XingBie"),
        birth: text_of("ChuShengNianYue"),
        id_number: text_of("ShenFenZheng"),
        post: text_of("XianRenZhiWu"),
        post_line: child("XianRenZhiWu").map_or(0, line_of),
        expertise: text_of("ShuXiZhuanYeYouHeZhuanChang"),
        native_place: (child("JiGuan").map_or(0, line_of), text_of("JiGuan")),
        birthplace: (
            child("ChuShengDi").map_or(0, line_of),
            text_of("ChuShengDi"),
        ),
        ..Form::default()
    };
    if let Some(jl) = child("JianLi") {
        // The text starts on the element's line, after the start tag.
        let first = jl.first_child().map_or_else(|| line_of(jl), line_of);
        let raw = element_text(&jl);
        for (i, l) in raw.split('\n').enumerate() {
            let l = l.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            if !l.is_empty() {
                form.resume.push((first + i, l.to_string()));
            }
        }
    }
    if let Some(family) = child("JiaTingChengYuan") {
        for item in family.children().filter(|c| c.is_element()) {
            let get = |name: &str| {
                item.children()
                    .find(|c| c.tag_name().name() == name)
                    .map(|c| element_text(&c).trim().to_string())
                    .unwrap_or_default()
            };
            let m = Member {
                title: get("ChengWei"),
                name: get("XingMing"),
                birth: get("ChuShengRiQi"),
                work: get("GongZuoDanWeiJiZhiWu"),
                line: line_of(item),
            };
            if !(m.title.is_empty() && m.name.is_empty()) {
                form.family.push(m);
            }
        }
    }
    Ok(form)
}

fn strip_declaration(text: &str) -> &str {
    let t = text.trim_start_matches('\u{feff}');
    if t.starts_with("<?xml") {
        if let Some(end) = t.find("?>") {
            return &t[end + 2..];
        }
    }
    t
}

/// All text inside an element (CDATA included).
fn element_text(n: &roxmltree::Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect::<String>()
}

/// The relation kind a 称谓 means (lrmx.md; issue 11): spouse, parent,
/// child, sibling, in_law, grandparent, grandchild; `None` if unknown.
pub fn kind_of_title(title: &str) -> Option<&'static str> {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let kind = match t.as_str() {
        "妻子" | "丈夫" | "夫" | "妻" | "配偶" | "爱人" => "spouse",
        "父亲" | "母亲" | "父" | "母" | "继父" | "继母" | "养父" | "养母" => "parent",
        "儿子" | "女儿" | "长子" | "次子" | "长女" | "次女" | "子" | "女" | "养子" | "养女"
        | "继子" | "继女" => "child",
        "哥哥" | "弟弟" | "姐姐" | "妹妹" | "兄" | "弟" | "姐" | "妹" | "兄长" | "胞兄"
        | "胞弟" | "胞姐" | "胞妹" => "sibling",
        "岳父" | "岳母" | "公公" | "婆婆" | "儿媳" | "女婿" | "儿媳妇" | "嫂子" | "弟媳"
        | "姐夫" | "妹夫" => "in_law",
        "祖父" | "祖母" | "外祖父" | "外祖母" | "爷爷" | "奶奶" | "外公" | "外婆" => {
            "grandparent"
        }
        "孙子" | "孙女" | "外孙" | "外孙女" | "外孙子" => "grandchild",
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<Person>
  <XingMing>林示例</XingMing>
  <ChuShengNianYue>198003</ChuShengNianYue>
  <ShenFenZheng></ShenFenZheng>
  <XianRenZhiWu>县财政局党组成员、副局长</XianRenZhiWu>
  <JianLi>2001.07--2005.09  县财政局科员
2005.09-2015.06 双溪乡党委副书记
    （其间：2008.09--2010.07 在省委党校学习）
2015.06--  县财政局副局长</JianLi>
  <JiaTingChengYuan>
    <Item><ChengWei>妻子</ChengWei><XingMing>周示例</XingMing><GongZuoDanWeiJiZhiWu>县自然资源局干部</GongZuoDanWeiJiZhiWu></Item>
  </JiaTingChengYuan>
</Person>
";

    #[test]
    fn a_form_reads_with_lines() {
        let f = parse(FORM.as_bytes()).unwrap();
        assert_eq!(f.name, "林示例");
        assert_eq!(f.post, "县财政局党组成员、副局长");
        assert_eq!(f.post_line, 6);
        assert_eq!(f.resume.len(), 4);
        assert_eq!(
            f.resume[0],
            (7, "2001.07--2005.09  县财政局科员".to_string())
        );
        assert_eq!(f.resume[3].0, 10);
        assert_eq!(f.family.len(), 1);
        assert_eq!(f.family[0].line, 12);
        assert_eq!(f.family[0].work, "县自然资源局干部");
    }

    #[test]
    fn gbk_and_bom_forms_read_the_same() {
        let gbk_text = FORM.replace("UTF-8", "GB2312");
        let (gbk, _, _) = encoding_rs::GBK.encode(&gbk_text);
        assert_eq!(parse(&gbk).unwrap(), parse(FORM.as_bytes()).unwrap());
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(FORM.as_bytes());
        assert_eq!(parse(&bom).unwrap(), parse(FORM.as_bytes()).unwrap());
        // Undeclared GBK still reads.
        let (undeclared, _, _) = encoding_rs::GBK.encode(FORM);
        assert_eq!(parse(&undeclared).unwrap().name, "林示例");
    }

    #[test]
    fn broken_xml_names_its_line() {
        let broken = FORM.replace("</XianRenZhiWu>", "</XianRen>");
        match parse(broken.as_bytes()) {
            Err(FormError::Xml { line, .. }) => assert_eq!(line, 6),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse(b"<Root/>"), Err(FormError::NotAForm { .. })));
        assert!(parse(b"\xff\xff\xff").is_err());
    }

    #[test]
    fn titles_map_to_kinds() {
        assert_eq!(kind_of_title("妻子"), Some("spouse"));
        assert_eq!(kind_of_title("母亲"), Some("parent"));
        assert_eq!(kind_of_title("女儿"), Some("child"));
        assert_eq!(kind_of_title("弟弟"), Some("sibling"));
        assert_eq!(kind_of_title("女婿"), Some("in_law"));
        assert_eq!(kind_of_title("表哥"), None);
    }
}
